/**
 * Shared kernel: the plan's vocabulary that every module speaks (severity, incident type) and the
 * operator-configuration loader that reports errors by file, line and field.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.firebreak.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
