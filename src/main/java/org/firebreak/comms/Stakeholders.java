package org.firebreak.comms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.firebreak.notify.Destination;
import org.firebreak.shared.YamlDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The stakeholder groups in force: {@code firebreak.comms.file} when it exists, else the shipped devnet default
 * ({@code firebreak/stakeholders.yml}). Read and checked at start-up: an error stops the server naming file, line
 * and field.
 */
@Component
class Stakeholders {

    static final String SHIPPED = "firebreak/stakeholders.yml";
    private static final Logger log = LoggerFactory.getLogger(Stakeholders.class);

    private final List<StakeholderFile.Group> groups;

    Stakeholders(CommsSettings settings) {
        if (Files.isRegularFile(settings.file())) {
            this.groups = YamlDocuments.read(settings.file(), StakeholderFile.class).groups();
            log.info("Stakeholder groups from {}: {}", settings.file(), names(groups));
        } else {
            try (InputStream in = new ClassPathResource(SHIPPED).getInputStream()) {
                this.groups = YamlDocuments.read(SHIPPED, in, StakeholderFile.class).groups();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the shipped " + SHIPPED, e);
            }
        }
    }

    /** The groups that cover any of these components. */
    List<StakeholderFile.Group> groupsFor(List<String> components) {
        return groups.stream().filter(g -> g.covers(components)).toList();
    }

    /** Every destination of these groups, each once. */
    static List<Destination> destinations(List<StakeholderFile.Group> groups) {
        Set<Destination> out = new LinkedHashSet<>();
        groups.forEach(g -> g.contacts().forEach(c -> out.add(c.destination())));
        return List.copyOf(out);
    }

    static String names(List<StakeholderFile.Group> groups) {
        return String.join(", ", groups.stream().map(StakeholderFile.Group::name).toList());
    }
}
