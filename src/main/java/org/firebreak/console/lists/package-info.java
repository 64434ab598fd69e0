/**
 * The console's list pages (incidents, playbooks, on-call, reviews, action items), the review editor and the
 * analytics charts. Each page reads one page of rows from its module's API, paged in SQL.
 */
@NullMarked
package org.firebreak.console.lists;

import org.jspecify.annotations.NullMarked;
