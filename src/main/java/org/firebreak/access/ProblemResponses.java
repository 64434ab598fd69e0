package org.firebreak.access;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.firebreak.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details from the security filters, which run before Spring MVC's exception handlers. */
@Component
class ProblemResponses {

    private final JsonMapper json = JsonMapper.builder().build();

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = Problems.of(status, title, detail);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"firebreak\"");
        }
        Problems.write(response, problem, json);
    }
}
