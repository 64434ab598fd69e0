@NullMarked
package org.firebreak.oncall.web;

import org.jspecify.annotations.NullMarked;
