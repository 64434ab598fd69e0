package org.firebreak.access.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Hidden;
import org.firebreak.access.AccountApi;
import org.firebreak.access.AccountConflict;
import org.firebreak.access.AccountNotFound;
import org.firebreak.access.CreatedAccount;
import org.firebreak.access.InvalidAccountInput;
import org.firebreak.access.IssuedToken;
import org.firebreak.shared.web.Actor;
import org.firebreak.shared.web.ConsolePage;
import org.firebreak.shared.web.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages: accounts with their roles, and each account's API tokens. A generated password or a new token
 * is shown once, on the page the change leads to. Refused input re-renders the form naming the field.
 */
@ConsolePage
@Hidden
class AdminPages {

    private final AccountApi accounts;

    AdminPages(AccountApi accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("roles", Role.values());
        return "access/admin/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) Role role, @RequestParam(required = false) String password,
            @RequestParam(defaultValue = "false") boolean tokensOnly, Actor actor, Model model, RedirectAttributes flash) {
        try {
            CreatedAccount created = accounts.create(username, displayName, role, blankToNull(password), !tokensOnly,
                    actor.name());
            flash.addFlashAttribute("done", "Account " + created.account().username() + " created as "
                    + created.account().role().name().toLowerCase());
            flash.addFlashAttribute("generatedPassword", created.generatedPassword());
            flash.addFlashAttribute("generatedFor", created.account().username());
            return "redirect:/admin/users";
        } catch (InvalidAccountInput e) {
            return refused(model, e.field(), e.getMessage(), username, displayName, role);
        } catch (AccountConflict e) {
            return refused(model, "username", e.getMessage(), username, displayName, role);
        }
    }

    @PostMapping("/admin/users/{username}")
    String update(@PathVariable String username, @RequestParam(required = false) Role role,
            @RequestParam(required = false) Boolean enabled, Actor actor, Model model, RedirectAttributes flash) {
        try {
            var changed = accounts.update(username, role, enabled, null, null, actor.name());
            flash.addFlashAttribute("done", changed.username() + " is now " + changed.role().name().toLowerCase()
                    + (changed.enabled() ? "" : ", disabled"));
        } catch (AccountConflict | InvalidAccountInput e) {
            flash.addFlashAttribute("failed", e.getMessage());
        } catch (AccountNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(@PathVariable String username, Actor actor, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("generatedPassword", accounts.resetPassword(username, actor.name()));
            flash.addFlashAttribute("generatedFor", username);
        } catch (AccountNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/users/{username}/tokens")
    String tokens(@PathVariable String username, Model model) {
        try {
            model.addAttribute("account", accounts.get(username));
            model.addAttribute("tokens", accounts.tokens(username));
            model.addAttribute("now", Instant.now());
        } catch (AccountNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return "access/admin/tokens";
    }

    @PostMapping("/admin/users/{username}/tokens")
    String issue(@PathVariable String username, @RequestParam String name,
            @RequestParam(required = false) @Nullable Integer expiresInDays, Actor actor, RedirectAttributes flash) {
        try {
            IssuedToken token = accounts.issueToken(username, name, TokenValidity.ofDays(expiresInDays), actor.name());
            flash.addFlashAttribute("issued", token.token());
        } catch (InvalidAccountInput e) {
            flash.addFlashAttribute("failed", e.field() + ": " + e.getMessage());
        } catch (AccountNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return "redirect:/admin/users/" + username + "/tokens";
    }

    @PostMapping("/admin/users/{username}/tokens/{id}/revoke")
    String revoke(@PathVariable String username, @PathVariable long id, Actor actor, RedirectAttributes flash) {
        try {
            var token = accounts.revokeToken(username, id, actor.name());
            flash.addFlashAttribute("done", "Token " + token.id() + " (" + token.name() + ") revoked");
        } catch (AccountNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return "redirect:/admin/users/" + username + "/tokens";
    }

    private String refused(Model model, String field, String message, String username, @Nullable String displayName,
            @Nullable Role role) {
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("errorField", field);
        model.addAttribute("error", message);
        model.addAttribute("form", new Form(username, displayName, role));
        return "access/admin/users";
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    record Form(String username, @Nullable String displayName, @Nullable Role role) {
    }
}
