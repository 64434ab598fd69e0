package org.firebreak.access.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.firebreak.access.AccountApi;
import org.firebreak.access.AccountNotFound;
import org.firebreak.access.InvalidAccountInput;
import org.firebreak.shared.web.Actor;
import org.firebreak.shared.web.ConsolePage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Your own account, for anyone signed in: your role, your password, your API tokens (a new one is shown once). */
@ConsolePage
@Hidden
class AccountPage {

    private final AccountApi accounts;

    AccountPage(AccountApi accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account")
    String show(Actor actor, Model model) {
        try {
            model.addAttribute("account", accounts.get(actor.name()));
            model.addAttribute("tokens", accounts.tokens(actor.name()));
        } catch (AccountNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return "access/account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword, Actor actor, Model model, RedirectAttributes flash) {
        try {
            accounts.changeOwnPassword(actor.name(), currentPassword, newPassword);
            flash.addFlashAttribute("done", "Your password is changed");
            return "redirect:/account";
        } catch (InvalidAccountInput e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("error", e.field() + ": " + e.getMessage());
            return show(actor, model);
        }
    }

    @PostMapping("/account/tokens")
    String issue(@RequestParam(required = false) String name, @RequestParam(required = false) @Nullable Integer expiresInDays,
            Actor actor, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("issued",
                    accounts.issueToken(actor.name(), name, TokenValidity.ofDays(expiresInDays), actor.name()).token());
        } catch (InvalidAccountInput e) {
            flash.addFlashAttribute("failed", e.field() + ": " + e.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Actor actor, RedirectAttributes flash) {
        try {
            var token = accounts.revokeToken(actor.name(), id, actor.name());
            flash.addFlashAttribute("done", "Token " + token.id() + " (" + token.name() + ") revoked");
        } catch (AccountNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return "redirect:/account";
    }
}
