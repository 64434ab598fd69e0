package org.firebreak.chain;

import java.time.Clock;

import org.firebreak.chain.ContractSwitch.Direction;
import org.springframework.stereotype.Component;

/**
 * The Critical procedure's "Pause system" step ({@code action:pause-contracts}): {@code pause()} on every contract
 * of {@code contracts.pausable}, signed by the guardian, each verified paused at its receipt's block. The incident
 * module runs it only when confirmed by the incident commander.
 */
@Component
class PauseAction extends PausableAction {

    PauseAction(ChainProfiles profiles, ContractSwitch contractSwitch, GuardianTransactions transactions, Clock clock) {
        super(Direction.PAUSE, profiles, contractSwitch, transactions, clock);
    }

    @Override
    public String automation() {
        return "action:pause-contracts";
    }
}
