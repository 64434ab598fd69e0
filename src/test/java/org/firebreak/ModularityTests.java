package org.firebreak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(FirebreakApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void theCapabilitiesOfTheDesignAreModules() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("incident", "playbook", "chain", "devnet", "detection", "oncall", "notify", "comms", "console", "access",
                        "statuspage", "review", "cli", "shared");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
