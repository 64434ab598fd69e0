/**
 * Persistent, cluster-safe timers and jobs through db-scheduler: see {@link org.firebreak.shared.scheduling.SchedulingConfiguration}.
 */
@NullMarked
package org.firebreak.shared.scheduling;

import org.jspecify.annotations.NullMarked;
