package org.firebreak.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * A request whose {@code Content-Type} is a wildcard ({@code *}{@code /*}) or no media type at all is answered 415
 * with problem details before anything reads it: the framework would otherwise fail deep in the message conversion
 * (a wildcard cannot be a content type) and answer 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContentTypeGuard extends OncePerRequestFilter {

    private final JsonMapper json;

    ContentTypeGuard(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getContentType();
        if (given != null && !given.isBlank()) {
            String problem = null;
            try {
                MediaType type = MediaType.parseMediaType(given);
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    problem = "'" + given + "' is a pattern, not a content type";
                }
            } catch (InvalidMediaTypeException e) {
                problem = "'" + preview(given) + "' is not a content type";
            }
            if (problem != null) {
                Problems.write(response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                        problem + ": send application/json (the API) or application/x-www-form-urlencoded (the console's forms)"),
                        json);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** A header value as it may be repeated in an answer: at most 100 characters, controls left out. */
    private static String preview(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }
}
