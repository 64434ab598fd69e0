package org.firebreak.playbook;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where operators keep their own playbooks. A file there whose {@code id} matches a shipped playbook
 * replaces it; a new id adds a playbook (and, for a common-incident playbook, a new incident type).
 *
 * @param directory folder of {@code *.yml}/{@code *.yaml} playbooks; may be absent
 */
@ConfigurationProperties("firebreak.playbooks")
public record PlaybookSettings(@DefaultValue("config/playbooks") Path directory) {
}
