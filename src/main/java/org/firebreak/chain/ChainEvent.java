package org.firebreak.chain;

import java.time.Instant;
import java.util.Map;

/**
 * One decoded event of the stack's contracts, as the block follower stored it.
 *
 * @param contract the contract's role in the chain profile: {@code entryPoint}, {@code delegationManager},
 *        {@code paymaster}, {@code accountFactory}, {@code enforcer} or {@code pausable} (another Pausable contract of
 *        the operators); {@code stagedContract} for the staging detector's {@code StagedContract} (a new contract whose
 *        runtime code embeds a watched address; fields {@code deployer}, {@code newContract}, {@code embeds} (the
 *        roles), {@code embedded} (the addresses), {@code codeSize}; {@code address} is the new contract, {@code txHash}
 *        the transaction that created it); {@code servedAccount} for
 *        the EIP-7702 watch's {@code DelegateChanged} (fields {@code account}, {@code oldDelegate}, {@code newDelegate},
 *        {@code allowed}, {@code source}, {@code firstSeen}; {@code none} for no delegate), whose {@code txHash} is the
 *        type-4 transaction that carried the authorization, or {@code 0x} when the account was first seen so
 * @param address the contract's address, 0x and lowercase
 * @param name the event's name, e.g. {@code UserOperationEvent}, {@code Paused}; {@code DelegationRedemptionFailed}
 *        for a {@code redeemDelegations} transaction to the DelegationManager that reverted (it has no log: its
 *        {@code logIndex} is -1 minus the transaction's index in the block)
 * @param fields the decoded parameters by name as strings: addresses 0x and lowercase, integers decimal, booleans
 *        {@code true}/{@code false}, bytes 0x-hex; a {@code Delegation} struct as {@code delegation.delegate},
 *        {@code delegation.delegator}, ...; a revert reason also as {@code reason} in words where known; an
 *        EntryPoint's event also names it as {@code entryPoint} (its address) and {@code entryPointVersion}
 *        ({@code v0.7}, {@code v0.8} or {@code v0.9}: every EntryPoint of the profile is followed); an
 *        ownership event ({@code OwnershipTransferStarted}, {@code OwnershipTransferred}) also {@code expected}: whether
 *        its {@code newOwner} is the guardian or one of the profile's {@code expectedOwners}
 */
public record ChainEvent(long blockNumber, String blockHash, Instant blockTime, String txHash, int logIndex,
        String contract, String address, String name, Map<String, String> fields) {

    public ChainEvent {
        fields = Map.copyOf(fields);
    }
}
