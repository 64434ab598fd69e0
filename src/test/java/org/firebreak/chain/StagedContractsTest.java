package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ChainProfile.ContractRef;
import org.firebreak.chain.ChainProfile.Contracts;
import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.junit.jupiter.api.Test;

/** Which watched addresses a new contract's runtime code carries, as the staging detector reads it. */
class StagedContractsTest {

    private static final String ENTRY_POINT = "0x0000000071727De22E5E9d8BAf0edAc6f37da032";
    private static final String MANAGER = "0xdb9B1e94B5b69Df7e401DDbedE43491141047dB3";
    private static final ChainProfile PROFILE = new ChainProfile(138, null,
            List.of(new RpcEndpoint("only", URI.create("http://127.0.0.1:1/"))),
            new Contracts(new ContractRef("EntryPoint", ENTRY_POINT, null),
                    new ContractRef("SimpleFactory", "0x69Aa2f9fe1572F1B640E1bbc512f5c3a734fc77c", null), null,
                    new ContractRef("DelegationManager", MANAGER, null), List.of(), null),
            null, null, List.of());

    @Test
    void aRuntimePushingTheEntryPointsAddressEmbedsIt() {
        String runtime = "0x73" + ENTRY_POINT.substring(2) + "60005260206000f3";

        assertThat(StagedContracts.embedded(runtime, StagedContracts.watched(PROFILE)))
                .containsExactly(Map.entry("0000000071727de22e5e9d8baf0edac6f37da032", "entryPoint"));
    }

    @Test
    void everyEmbeddedAddressIsNamedAndCodeWithoutOneEmbedsNothing() {
        String both = "0x" + MANAGER.substring(2).toLowerCase() + "00" + ENTRY_POINT.substring(2).toLowerCase();

        assertThat(StagedContracts.embedded(both, StagedContracts.watched(PROFILE)).values())
                .containsExactlyInAnyOrder("entryPoint", "delegationManager");
        assertThat(StagedContracts.embedded("0x602a60005260206000f3", StagedContracts.watched(PROFILE))).isEmpty();
        assertThat(StagedContracts.watched(PROFILE)).as("no paymaster in this profile").doesNotContainValue("paymaster")
                .containsValue("accountFactory");
    }
}
