package org.firebreak.access.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.access.AccountApi;
import org.firebreak.access.AccountView;
import org.firebreak.access.CreatedAccount;
import org.firebreak.access.IssuedToken;
import org.firebreak.access.TokenView;
import org.firebreak.access.web.AccountRequests.AccountChange;
import org.firebreak.access.web.AccountRequests.NewAccount;
import org.firebreak.access.web.AccountRequests.NewToken;
import org.firebreak.access.web.AccountRequests.PasswordChange;
import org.firebreak.shared.web.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and API tokens: admins manage everyone's (/api/v1/accounts), anyone signed in their own (/api/v1/me). */
@RestController
@Tag(name = "Access", description = "Accounts, roles and API tokens")
class AccountController {

    private final AccountApi accounts;

    AccountController(AccountApi accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who this request is signed in as, and the role")
    AccountView me(Actor actor) {
        return accounts.get(actor.name());
    }

    @PostMapping("/api/v1/me/password")
    @Operation(summary = "Change your own password: currentPassword, newPassword")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange body, Actor actor) {
        accounts.changeOwnPassword(actor.name(), body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me/tokens")
    List<TokenView> myTokens(Actor actor) {
        return accounts.tokens(actor.name());
    }

    @PostMapping("/api/v1/me/tokens")
    @Operation(summary = "Issue a token for yourself; its value is in this response only")
    ResponseEntity<IssuedToken> issueMine(@RequestBody NewToken body, Actor actor) {
        return issued(accounts.issueToken(actor.name(), body.name(), TokenValidity.ofDays(body.expiresInDays()), actor.name()));
    }

    @DeleteMapping("/api/v1/me/tokens/{id}")
    TokenView revokeMine(@PathVariable long id, Actor actor) {
        return accounts.revokeToken(actor.name(), id, actor.name());
    }

    @GetMapping("/api/v1/accounts")
    List<AccountView> list() {
        return accounts.list();
    }

    @PostMapping("/api/v1/accounts")
    @Operation(summary = "Create an account; without a password one is generated and returned in this response only")
    ResponseEntity<CreatedAccount> create(@RequestBody NewAccount body, Actor actor) {
        CreatedAccount created = accounts.create(body.username(), body.displayName(), body.role(), body.password(),
                body.signsIn() == null || body.signsIn(), actor.name());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.account().username())).body(created);
    }

    @GetMapping("/api/v1/accounts/{username}")
    AccountView get(@PathVariable String username) {
        return accounts.get(username);
    }

    @PatchMapping("/api/v1/accounts/{username}")
    @Operation(summary = "Change role, enabled, password or display name; the last enabled admin stays an admin")
    AccountView update(@PathVariable String username, @RequestBody AccountChange body, Actor actor) {
        return accounts.update(username, body.role(), body.enabled(), body.password(), body.displayName(), actor.name());
    }

    @GetMapping("/api/v1/accounts/{username}/tokens")
    List<TokenView> tokens(@PathVariable String username) {
        return accounts.tokens(username);
    }

    @PostMapping("/api/v1/accounts/{username}/tokens")
    @Operation(summary = "Issue a token for the account (e.g. an integration's); its value is in this response only")
    ResponseEntity<IssuedToken> issue(@PathVariable String username, @RequestBody NewToken body, Actor actor) {
        return issued(accounts.issueToken(username, body.name(), TokenValidity.ofDays(body.expiresInDays()), actor.name()));
    }

    @DeleteMapping("/api/v1/accounts/{username}/tokens/{id}")
    TokenView revoke(@PathVariable String username, @PathVariable long id, Actor actor) {
        return accounts.revokeToken(username, id, actor.name());
    }

    private static ResponseEntity<IssuedToken> issued(IssuedToken token) {
        return ResponseEntity.status(201).body(token);
    }
}
