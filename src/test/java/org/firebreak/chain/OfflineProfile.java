package org.firebreak.chain;

import java.net.URI;
import java.util.List;

import org.firebreak.chain.ChainProfile.ContractRef;
import org.firebreak.chain.ChainProfile.Contracts;
import org.firebreak.chain.ChainProfile.RpcEndpoint;

/**
 * A chain-138 profile for unit tests that read no chain: the canonical EntryPoint v0.7, a factory and a
 * DelegationManager, no paymaster, one endpoint that nothing listens on.
 */
final class OfflineProfile {

    static final String ENTRY_POINT = "0x0000000071727De22E5E9d8BAf0edAc6f37da032";
    static final String MANAGER = "0xdb9B1e94B5b69Df7e401DDbedE43491141047dB3";
    static final ChainProfile PROFILE = new ChainProfile(138, null,
            List.of(new RpcEndpoint("only", URI.create("http://127.0.0.1:1/"))),
            new Contracts(new ContractRef("EntryPoint", ENTRY_POINT, null),
                    new ContractRef("SimpleFactory", "0x69Aa2f9fe1572F1B640E1bbc512f5c3a734fc77c", null), null,
                    new ContractRef("DelegationManager", MANAGER, null), List.of(), null),
            null, null, List.of());

    private OfflineProfile() {
    }
}
