@NullMarked
package org.firebreak.detection.web;

import org.jspecify.annotations.NullMarked;
