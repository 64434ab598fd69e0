/**
 * Playbooks: the plan's response procedures (per severity) and common-incident playbooks (per type),
 * declared in YAML, shipped as defaults and overridable from the operators' config directory; and the
 * seam through which other modules supply the executors of automated steps.
 */
@ApplicationModule(displayName = "Playbooks", allowedDependencies = "shared")
@NullMarked
package org.firebreak.playbook;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
