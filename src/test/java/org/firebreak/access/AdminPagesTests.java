package org.firebreak.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.firebreak.shared.web.Role;
import org.firebreak.support.FirebreakIntegrationTest;
import org.firebreak.support.HttpApi;
import org.firebreak.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin pages: accounts and tokens managed from the console; nobody but an admin reaches them. */
@FirebreakIntegrationTest
class AdminPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountApi accounts;

    @Test
    void anAdminAddsAnAccountAndSeesItsGeneratedPasswordOnce() {
        HttpApi admin = new HttpApi(port).as("page-admin", Role.ADMIN);
        Response created = admin.form("/admin/users", "username", "frank", "displayName", "Frank Ops", "role", "RESPONDER");
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).endsWith("/admin/users");
        assertThat(accounts.get("frank").role()).isEqualTo(Role.RESPONDER);
        assertThat(accounts.get("frank").signsIn()).isTrue();

        Response page = admin.get("/admin/users");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("frank").contains("Frank Ops").contains("Add an account");

        Response demoted = admin.form("/admin/users/frank", "role", "VIEWER");
        assertThat(demoted.status()).isEqualTo(302);
        assertThat(accounts.get("frank").role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void refusedInputIsShownWithItsFieldAndCreatesNothing() {
        HttpApi admin = new HttpApi(port).as("page-admin", Role.ADMIN);
        int before = accounts.list().size();
        Response refused = admin.form("/admin/users", "username", "Not Valid", "role", "VIEWER");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("username: must be 1 to 64 characters");
        Response weak = admin.form("/admin/users", "username", "weak", "role", "VIEWER", "password", "short");
        assertThat(weak.body()).contains("password: must be 12 to 200 characters long");
        assertThat(accounts.list()).hasSize(before);
    }

    @Test
    void tokensAreIssuedShownOnceAndRevokedFromThePage() {
        HttpApi admin = new HttpApi(port).as("page-admin", Role.ADMIN);
        admin.form("/admin/users", "username", "chatops", "role", "RESPONDER", "tokensOnly", "true");
        assertThat(accounts.get("chatops").signsIn()).isFalse();
        assertThat(admin.form("/admin/users/chatops/tokens", "name", "slack bot").status()).isEqualTo(302);
        var token = accounts.tokens("chatops").getFirst();
        assertThat(admin.get("/admin/users/chatops/tokens").body()).contains("slack bot").contains(token.prefix());

        admin.form("/admin/users/chatops/tokens/" + token.id() + "/revoke");
        assertThat(accounts.tokens("chatops").getFirst().revokedAt()).isNotNull();
    }

    @Test
    void nobodyButAnAdminReachesThem() {
        for (Role role : new Role[] { Role.VIEWER, Role.RESPONDER, Role.COMMANDER }) {
            HttpApi who = new HttpApi(port).as("not-admin-" + role.name().toLowerCase(), role);
            Response page = who.page("/admin/users");
            assertThat(page.status()).isEqualTo(403);
            assertThat(page.body()).contains("Not allowed").contains("needs the role admin or higher");
            assertThat(who.form("/admin/users", "username", "sneaky", "role", "ADMIN").status()).isEqualTo(403);
        }
        assertThat(accounts.find("sneaky")).isEmpty();
    }
}
