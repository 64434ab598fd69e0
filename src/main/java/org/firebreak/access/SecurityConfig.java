package org.firebreak.access;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.firebreak.shared.web.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain for the console and the API. Browsers sign in with a form and a session, and every form they post
 * carries a CSRF token; the CLI and integrations send an API token ({@link TokenAuthenticationFilter}), which no
 * browser sends by itself, so those requests need no CSRF token. Authorization is {@link EndpointRules}. The API
 * answers 401/403 as problem details; pages send the browser to the sign-in page (htmx requests via HX-Redirect).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    EndpointRules endpointRules() {
        return new EndpointRules();
    }

    /** Argon2id (Spring Security's current defaults) for new hashes; the {id} prefix lets the algorithm change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    UserDetailsService consoleAccounts(AccountApi accounts) {
        return username -> accounts.forSignIn(username).filter(stored -> stored.passwordHash() != null)
                .map(stored -> User.withUsername(stored.view().username()).password(stored.passwordHash())
                        .disabled(!stored.view().enabled()).authorities(stored.view().role().authority()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no account that signs in is named " + username));
    }

    @Bean
    SecurityFilterChain firebreakSecurity(HttpSecurity http, EndpointRules rules, AccountApi accounts,
            ProblemResponses problems, SignInThrottle throttle) throws Exception {
        RequestMatcher api = request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator/");
        };
        RequestMatcher htmx = request -> "true".equals(request.getHeader("HX-Request"));
        RequestMatcher bearer = request -> TokenAuthenticationFilter.bearerToken(request).isPresent();
        // Public changes carry their own credential (an acknowledge link, an integration's secret) and come from no
        // page of ours; the sign-in form does, and keeps its CSRF token, so no other site can sign a browser in.
        RequestMatcher signIn = request -> "/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
        RequestMatcher publicChange = request -> rules.required(request).isEmpty() && !signIn.matches(request);
        SignInThrottleFilter signIns = new SignInThrottleFilter(throttle);

        http.authorizeHttpRequests(authorize -> authorize.anyRequest().access(new RoleRules(rules)))
                .addFilterBefore(new TokenAuthenticationFilter(accounts, rules, problems), ExceptionTranslationFilter.class)
                .addFilterBefore(signIns, UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").successHandler(signIns.onSuccess())
                        .failureHandler(signIns.onFailure()))
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(bearer, publicChange))
                .headers(headers -> headers
                        // Scripts only from Firebreak's own files (no inline script, handler or eval anywhere in the
                        // console); inline styles stay allowed: htmx and ECharts set them.
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor((request, response, e) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "Not signed in",
                                "send an API token as 'Authorization: Bearer <token>' (firebreak token create), or sign in at /login"),
                                api)
                        .defaultAuthenticationEntryPointFor((request, response, e) -> {
                            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                            response.setStatus(HttpStatus.UNAUTHORIZED.value());
                        }, htmx)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Forbidden", denial(request, rules)), api)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> {
                            request.setAttribute("firebreakDenied", denial(request, rules));
                            response.sendError(HttpStatus.FORBIDDEN.value());
                        }, AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    private static String denial(HttpServletRequest request, EndpointRules rules) {
        Role needed = rules.required(request).orElse(Role.VIEWER);
        Authentication who = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        Role has = who == null ? null : highestRole(who);
        if (has != null && has.includes(needed)) {
            return "the request was refused: its CSRF token is missing or stale (reload the page and try again)";
        }
        return (who == null ? "this" : who.getName() + " is " + (has == null ? "not signed in" : "a " + has.name().toLowerCase())
                + ";") + " " + request.getMethod() + " " + request.getRequestURI() + " needs the role "
                + needed.name().toLowerCase() + " or higher";
    }

    /** The highest role among the authentication's authorities, or null for none (anonymous). */
    static @Nullable Role highestRole(Authentication authentication) {
        return Role.highestOf(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
                .orElse(null);
    }

    /** Grants a request when it is public, or when the signed-in role includes the role the table asks for. */
    private record RoleRules(EndpointRules rules) implements AuthorizationManager<RequestAuthorizationContext> {

        private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

        @Override
        public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
                RequestAuthorizationContext context) {
            var needed = rules.required(context.getRequest());
            if (needed.isEmpty()) {
                return new AuthorizationDecision(true);
            }
            Authentication who = authentication.get();
            if (who == null || !who.isAuthenticated() || TRUST.isAnonymous(who)) {
                return new AuthorizationDecision(false);
            }
            Role has = highestRole(who);
            return new AuthorizationDecision(has != null && has.includes(needed.get()));
        }
    }
}
