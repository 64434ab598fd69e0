package org.firebreak.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in at the console's form as a browser does, without one: reads the form's CSRF token, posts the form, and
 * returns the session cookie the server set, as a {@code Cookie} header value.
 */
public final class FormSignIn {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private FormSignIn() {
    }

    public static String sessionCookie(int port, String username, String password) {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        URI login = URI.create("http://127.0.0.1:" + port + "/login");
        try {
            String csrf = csrfToken(http.send(HttpRequest.newBuilder(login).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            HttpResponse<Void> signedIn = http.send(HttpRequest.newBuilder(login)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(username, password, csrf))).build(),
                    HttpResponse.BodyHandlers.discarding());
            String location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("/login")) {
                throw new IllegalStateException(username + " was not signed in: " + signedIn.statusCode() + " " + location);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        HttpCookie session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no SESSION cookie after signing in"));
        return session.getName() + "=" + session.getValue();
    }

    /** The CSRF token the sign-in form carries, read from the page. */
    public static String csrfToken(String loginPage) {
        Matcher csrf = HIDDEN_CSRF.matcher(loginPage);
        if (!csrf.find()) {
            throw new IllegalStateException("the sign-in form carries no CSRF token");
        }
        return csrf.group(1);
    }

    /** The sign-in form's body, url-encoded. */
    public static String form(String username, String password, String csrf) {
        return "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
