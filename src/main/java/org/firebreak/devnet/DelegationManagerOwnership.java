package org.firebreak.devnet;

import java.util.List;
import java.util.function.Supplier;

import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The transfer-ownership fault: the guardian hands the DelegationManager to an outsider (dev account 9) in
 * Ownable2Step's two steps, {@code transferOwnership} ({@code OwnershipTransferStarted}) and the outsider's
 * {@code acceptOwnership} ({@code OwnershipTransferred}); {@link #restore} hands it back the same way.
 */
final class DelegationManagerOwnership {

    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private final DevnetChain chain;
    private final String manager;
    private final String guardianAddress;
    private final Supplier<Credentials> guardian;
    private final Credentials outsider = DevAccounts.outsider();

    DelegationManagerOwnership(DevnetChain chain, String manager, String guardianAddress, Supplier<Credentials> guardian) {
        this.chain = chain;
        this.manager = manager;
        this.guardianAddress = guardianAddress;
        this.guardian = guardian;
    }

    FaultReport transfer() {
        String id = Fault.TRANSFER_OWNERSHIP.id();
        String owner = owner();
        if (!owner.equalsIgnoreCase(guardianAddress)) {
            return new FaultReport(id, false, "DelegationManager " + manager + " is owned by " + owner + ", not the guardian", null);
        }
        TransactionReceipt started = chain.send(guardian.get(), manager,
                StackFunctions.address("transferOwnership", outsider.getAddress()));
        TransactionReceipt accepted = chain.send(outsider, manager, StackFunctions.noArgs("acceptOwnership"));
        return new FaultReport(id, true, "DelegationManager " + manager + " is now owned by " + outsider.getAddress()
                + ": the guardian started the transfer at block " + started.getBlockNumber() + " (tx "
                + started.getTransactionHash() + "), the new owner accepted it at block " + accepted.getBlockNumber(),
                accepted.getTransactionHash());
    }

    /** Gives ownership back to the guardian and cancels a pending transfer; says so in {@code done}. */
    void restore(List<FaultReport> done) {
        String id = Fault.TRANSFER_OWNERSHIP.id();
        String owner = owner();
        if (owner.equalsIgnoreCase(outsider.getAddress())) {
            chain.send(outsider, manager, StackFunctions.address("transferOwnership", guardianAddress));
            TransactionReceipt accepted = chain.send(guardian.get(), manager, StackFunctions.noArgs("acceptOwnership"));
            done.add(new FaultReport(id, true, "DelegationManager owned by the guardian " + guardianAddress + " again",
                    accepted.getTransactionHash()));
        } else if (!owner.equalsIgnoreCase(guardianAddress)) {
            done.add(new FaultReport(id, false, "DelegationManager is owned by " + owner
                    + ", a key the devnet does not hold: it cannot hand it back", null));
            return;
        }
        String pending = address("pendingOwner");
        if (!pending.equalsIgnoreCase(ZERO)) {
            TransactionReceipt cancelled = chain.send(guardian.get(), manager, StackFunctions.address("transferOwnership", ZERO));
            done.add(new FaultReport(id, true, "pending ownership transfer to " + pending + " cancelled",
                    cancelled.getTransactionHash()));
        }
    }

    String owner() {
        return address("owner");
    }

    private String address(String view) {
        return (String) chain.callValue(manager, StackFunctions.view(view, new TypeReference<Address>() { }));
    }
}
