package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;

import org.firebreak.shared.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.AuthorizationTuple;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.utils.Numeric;

class Eip7702Test {

    private static final String DELEGATE = "0x63c0c19a282a1b52b07dd5a65b58948a07dae32b";
    private static final Credentials VICTIM = Credentials.create("0x" + "11".repeat(32));

    @Test
    void aDelegatedEoasCodeNamesItsDelegateAndNothingElseDoes() {
        assertThat(DelegationDesignator.delegate("0xEF0100" + DELEGATE.substring(2).toUpperCase())).contains(DELEGATE);
        assertThat(DelegationDesignator.kind("0xef0100" + DELEGATE.substring(2))).isEqualTo(DelegationDesignator.Kind.DELEGATED);
        assertThat(DelegationDesignator.kind("0x")).isEqualTo(DelegationDesignator.Kind.EOA);
        assertThat(DelegationDesignator.kind("0x6080604052")).isEqualTo(DelegationDesignator.Kind.CONTRACT);
        assertThat(DelegationDesignator.delegate("0xef0100" + DELEGATE.substring(2) + "00")).isEmpty();
    }

    @Test
    void anAuthorizationOfAFollowedTypeFourTransactionIsTracedToTheAccountThatSignedIt() {
        var signed = org.web3j.crypto.AuthorizationTuple.from(138, DELEGATE, BigInteger.valueOf(7), VICTIM);
        var tx = new EthBlock.TransactionObject();
        tx.setHash("0x" + "ab".repeat(32));
        tx.setTransactionIndex("0x2");
        tx.setAuthorizationList(List.of(
                // the nonce altered after signing: the signature recovers someone else, whom the chain would re-delegate
                new AuthorizationTuple(hex(signed.getChainId()), DELEGATE, hex(BigInteger.valueOf(8)),
                        hex(signed.getYParity()), hex(signed.getR()), hex(signed.getS())),
                new AuthorizationTuple(hex(signed.getChainId()), DELEGATE, hex(signed.getNonce()),
                        hex(signed.getYParity()), hex(signed.getR()), hex(signed.getS()))));
        var block = new EthBlock.Block();
        block.setNumber("0x29");
        block.setTransactions(List.of(tx));

        List<AccountWatch.Authorization> found = AccountWatch.authorizations(block);

        assertThat(found).hasSize(2);
        assertThat(found.getFirst().authority()).isNotEqualTo(VICTIM.getAddress().toLowerCase());
        assertThat(found.getLast()).satisfies(a -> {
            assertThat(a.authority()).isEqualTo(VICTIM.getAddress().toLowerCase());
            assertThat(a.delegate()).isEqualTo(DELEGATE);
            assertThat(a.index()).isEqualTo(1);
            assertThat(a.transaction().getHash()).isEqualTo("0x" + "ab".repeat(32));
        });
    }

    @Test
    void theAllowlistDefaultsToMetaMasksDeleGatorAndABadAddressIsNamedByItsPlace() {
        var defaults = new ChainProfile.Accounts(null, null, null);
        assertThat(defaults.allows(DELEGATE.toUpperCase().replace("0X", "0x"))).isTrue();
        assertThat(defaults.discovers()).isTrue();
        assertThat(defaults.served()).isEmpty();
        assertThatThrownBy(() -> new ChainProfile.Accounts(List.of(VICTIM.getAddress(), "0x1234"), null, false))
                .isInstanceOfSatisfying(ConfigProblem.class, p -> assertThat(p.field()).isEqualTo("served[1]"))
                .hasMessageContaining("0x1234");
    }

    private static String hex(BigInteger value) {
        return Numeric.encodeQuantity(value);
    }
}
