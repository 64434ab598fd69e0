package org.firebreak.access;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in form's side of {@link SignInThrottle}: a POST to {@code /login} for a name locked for the client's
 * address is sent back to the form, saying how long to wait, before any password is checked; the form's outcomes
 * count or clear the name.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    static final String USERNAME = "username";

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !"/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> locked = throttle.lockedFor(request.getParameter(USERNAME), request.getRemoteAddr());
        if (locked.isPresent()) {
            sendLocked(request, response, locked.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Clears the name, then goes where the form would have gone: the page first asked for, else the dashboard. */
    AuthenticationSuccessHandler onSuccess() {
        SavedRequestAwareAuthenticationSuccessHandler then = new SavedRequestAwareAuthenticationSuccessHandler();
        then.setDefaultTargetUrl("/");
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            throttle.signedIn(authentication.getName(), request.getRemoteAddr());
            then.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Counts the name; back to the form saying either "wrong" or, from the lock on, how long to wait. */
    AuthenticationFailureHandler onFailure() {
        SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            Optional<Duration> locked = throttle.failed(request.getParameter(USERNAME), request.getRemoteAddr());
            if (locked.isPresent()) {
                sendLocked(request, response, locked.get());
            } else {
                wrong.onAuthenticationFailure(request, response, e);
            }
        };
    }

    private static void sendLocked(HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws IOException {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        response.sendRedirect(request.getContextPath() + "/login?locked=" + seconds);
    }
}
