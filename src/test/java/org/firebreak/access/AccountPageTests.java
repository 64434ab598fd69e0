package org.firebreak.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.firebreak.shared.web.Role;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** One's own account: anyone signed in changes their password (proving the old one) and keeps their own tokens. */
@FirebreakIntegrationTest
class AccountPageTests {

    private static final String FIRST = "first password of paula";

    @LocalServerPort
    int port;

    @Autowired
    AccountApi accounts;

    @Autowired
    PasswordEncoder passwords;

    private boolean signsInWith(String username, String password) {
        return accounts.forSignIn(username).map(s -> passwords.matches(password, s.passwordHash())).orElse(false);
    }

    /** A viewer with a password, acting through a token of her own. */
    private HttpApi paula() {
        if (accounts.find("paula").isEmpty()) {
            accounts.create("paula", "Paula Viewer", Role.VIEWER, FIRST, true, "tests");
        }
        return new HttpApi(port).as("paula", Role.VIEWER);
    }

    @Test
    void aViewerChangesHerOwnPasswordOnlyWithTheCurrentOne() {
        HttpApi paula = paula();
        accounts.update("paula", null, null, FIRST, null, "tests");
        assertThat(paula.get("/account").body()).contains("Paula Viewer", "viewer", "Change your password");

        Response wrong = paula.form("/account/password", "currentPassword", "not it at all", "newPassword", "second password of paula");
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("currentPassword: is not your current password");
        Response weak = paula.form("/account/password", "currentPassword", FIRST, "newPassword", "short");
        assertThat(weak.body()).contains("newPassword: must be 12 to 200 characters long");
        assertThat(signsInWith("paula", FIRST)).isTrue();

        Response changed = paula.form("/account/password", "currentPassword", FIRST, "newPassword", "second password of paula");
        assertThat(changed.status()).isEqualTo(302);
        assertThat(signsInWith("paula", "second password of paula")).isTrue();
        assertThat(signsInWith("paula", FIRST)).isFalse();

        Response api = paula.post("/api/v1/me/password", "{\"currentPassword\": \"wrong again\", \"newPassword\": \"third password of paula\"}");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
    }

    @Test
    void aViewerKeepsHerOwnTokensButNobodyElses() {
        HttpApi paula = paula();
        assertThat(paula.form("/account/tokens", "name", "paula laptop").status()).isEqualTo(302);
        TokenView laptop = accounts.tokens("paula").stream().filter(t -> t.name().equals("paula laptop")).findFirst().orElseThrow();
        assertThat(paula.get("/account").body()).contains("paula laptop", laptop.prefix());

        String other = new HttpApi(port).tokenFor("olga", Role.RESPONDER);
        TokenView olgas = accounts.tokens("olga").getFirst();
        assertThat(other).isNotBlank();
        assertThat(paula.form("/account/tokens/" + olgas.id() + "/revoke").status()).isEqualTo(404);
        assertThat(accounts.tokens("olga").getFirst().revokedAt()).isNull();

        paula.form("/account/tokens/" + laptop.id() + "/revoke");
        assertThat(accounts.tokens("paula").stream().filter(t -> t.id() == laptop.id()).findFirst().orElseThrow().revokedAt())
                .isNotNull();
    }

    @Test
    void anAdminGivesAForgottenPasswordANewOneShownOnce() {
        paula();
        accounts.update("paula", null, null, FIRST, null, "tests");
        String before = accounts.forSignIn("paula").orElseThrow().passwordHash();
        HttpApi admin = new HttpApi(port).as("root-admin", Role.ADMIN);
        Response reset = admin.form("/admin/users/paula/password");
        assertThat(reset.status()).isEqualTo(302);
        assertThat(accounts.forSignIn("paula").orElseThrow().passwordHash()).isNotEqualTo(before);
        assertThat(signsInWith("paula", FIRST)).isFalse();
        assertThat(new HttpApi(port).as("paula", Role.VIEWER).form("/admin/users/paula/password").status()).isEqualTo(403);
    }
}
