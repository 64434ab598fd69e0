package org.firebreak.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pager under a list: which rows of how many are shown, and the links to the pages either side, which keep the
 * request's filters.
 *
 * @param first the 1-based number of the first row shown, 0 when none
 */
public record ListPager(long total, int page, int size, long first, long last, @Nullable String previous,
        @Nullable String next) {

    public static ListPager of(HttpServletRequest request, long total, int page, int size, int shown) {
        long first = shown == 0 ? 0 : (long) page * size + 1;
        long last = shown == 0 ? 0 : (long) page * size + shown;
        return new ListPager(total, page, size, first, last, page > 0 ? link(request, page - 1) : null,
                last < total ? link(request, page + 1) : null);
    }

    /** {@code 26–28 of 28}, or {@code none}. */
    public String shown() {
        return total == 0 ? "none" : first + "–" + last + " of " + total;
    }

    private static String link(HttpServletRequest request, int page) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("page", page).build(true).toUriString();
    }

    /** Whether to answer an htmx request for the results only (not a history restore, which needs the page). */
    public static boolean resultsOnly(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"))
                && "results".equals(request.getHeader("HX-Target"));
    }
}
