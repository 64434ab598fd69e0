package org.firebreak.chain;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.firebreak.chain.ChainProfile.ContractRef;
import org.firebreak.chain.ChainProfile.Contracts;
import org.firebreak.chain.ChainProfile.Guardian;
import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.firebreak.playbook.StepExecutor.StepRun;
import org.firebreak.playbook.StepOutcome;
import org.firebreak.support.ChainProfileFiles;
import org.firebreak.support.TestDevnet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;


/**
 * The pause and unpause actions wired as the application wires them, on the shared devnet's profile with one thing
 * changed (guardian, pausable contracts, endpoints), written to a file as an operator would:
 * {@code devnetProfile().withoutGuardian().writeTo(dir).pause()}.
 */
final class DevnetActions {

    private static final StepRun RUN = new StepRun("INC-T", "pause-system", "carol");

    private final PauseAction pause;
    private final UnpauseAction unpause;

    private DevnetActions(Path profileFile) {
        Clock clock = Clock.systemUTC();
        ChainSettings settings = new ChainSettings(profileFile, null, null);
        ChainClient client = new ChainClient(new EndpointStats(), new RateLimits(), new EndpointHealth(settings, clock),
                clock);
        GuardianTransactions transactions = new GuardianTransactions(client, ownTransactions(), clock);
        ContractSwitch contractSwitch = new ContractSwitch(client, new GuardianSigner(), transactions);
        ChainProfiles profiles = new ChainProfiles(settings);
        this.pause = new PauseAction(profiles, contractSwitch, transactions, clock);
        this.unpause = new UnpauseAction(profiles, contractSwitch, transactions, clock);
    }

    /** The guardian's record of what it signed, in an in-memory H2 database of its own with the chain's table. */
    private static OwnTransactions ownTransactions() {
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:own-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1"));
        try (var table = DevnetActions.class.getResourceAsStream("/db/migration/chain/V4_27__own_transactions.sql")) {
            jdbc.sql(new String(table.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).update();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new OwnTransactions(jdbc);
    }

    static Builder devnetProfile() {
        return new Builder(TestDevnet.profile());
    }

    StepOutcome pause() {
        return pause.run(RUN);
    }

    StepOutcome unpause() {
        return unpause.run(RUN);
    }

    static final class Builder {

        private ChainProfile profile;

        private Builder(ChainProfile profile) {
            this.profile = profile;
        }

        Builder withGuardian(@Nullable Guardian guardian) {
            profile = new ChainProfile(profile.chainId(), profile.blockTime(), profile.rpc(), profile.contracts(), guardian,
                    profile.thresholds(), profile.delegations());
            return this;
        }

        Builder withoutGuardian() {
            return withGuardian(null);
        }

        Builder withPausable(ContractRef... pausable) {
            Contracts c = profile.contracts();
            Contracts contracts = new Contracts(c.entryPoint(), c.accountFactory(), c.paymaster(), c.delegationManager(),
                    c.enforcers(), List.of(pausable));
            profile = new ChainProfile(profile.chainId(), profile.blockTime(), profile.rpc(), contracts,
                    profile.guardian(), profile.thresholds(), profile.delegations());
            return this;
        }

        Builder withChainId(long chainId) {
            profile = new ChainProfile(chainId, profile.blockTime(), profile.rpc(), profile.contracts(), profile.guardian(),
                    profile.thresholds(), profile.delegations());
            return this;
        }

        Builder withRpc(URI url) {
            profile = new ChainProfile(profile.chainId(), profile.blockTime(), List.of(new RpcEndpoint("only", url)),
                    profile.contracts(), profile.guardian(), profile.thresholds(), profile.delegations());
            return this;
        }

        /** The same profile reached through these endpoints, in this order. */
        Builder withEndpoints(RpcEndpoint... endpoints) {
            profile = profile.withRpc(List.of(endpoints));
            return this;
        }

        DevnetActions writeTo(Path dir) throws IOException {
            return new DevnetActions(write(dir));
        }

        /** The profile written as {@code chain-profile.yml} in {@code dir}, for {@code firebreak.chain.profile}. */
        Path write(Path dir) throws IOException {
            return ChainProfileFiles.write(dir.resolve("chain-profile.yml"), profile);
        }
    }
}
