package org.firebreak.chain;

import java.time.Clock;

import org.firebreak.chain.ContractSwitch.Direction;
import org.springframework.stereotype.Component;

/**
 * The recovery action matching "Pause system" ({@code action:unpause-contracts}, run through
 * {@code POST /api/v1/incidents/{id}/actions/unpause-contracts}): {@code unpause()} on every contract of
 * {@code contracts.pausable}, under the same guard and with the same checks as the pause.
 */
@Component
class UnpauseAction extends PausableAction {

    UnpauseAction(ChainProfiles profiles, ContractSwitch contractSwitch, GuardianTransactions transactions,
            Clock clock) {
        super(Direction.UNPAUSE, profiles, contractSwitch, transactions, clock);
    }

    @Override
    public String automation() {
        return "action:unpause-contracts";
    }
}
