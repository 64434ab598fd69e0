package org.firebreak.access;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer fbk_...}: the CLI and integrations. The token is
 * looked up by its hash; an unknown, revoked or expired token is refused with 401 at once (no fall-back to
 * anonymous, so a mistyped token says so). Nothing is kept in a session. The alert intakes read the same header
 * for their own secret, so the requests that {@link EndpointRules} leave public are passed through untouched.
 */
final class TokenAuthenticationFilter extends OncePerRequestFilter {

    private final AccountApi accounts;
    private final EndpointRules rules;
    private final ProblemResponses problems;

    TokenAuthenticationFilter(AccountApi accounts, EndpointRules rules, ProblemResponses problems) {
        this.accounts = accounts;
        this.rules = rules;
        this.problems = problems;
    }

    /** The value of an {@code Authorization: Bearer ...} header, if the request carries one. */
    static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Optional.of(header.substring(7).strip()) : Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = bearerToken(request);
        if (token.isEmpty() || rules.required(request).isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var owner = accounts.tokenOwner(token.get());
        if (owner.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Not signed in",
                    "the API token is unknown, revoked or expired, or its account is disabled");
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(owner.get().username(), null,
                List.of(new SimpleGrantedAuthority(owner.get().role().authority())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
