package org.firebreak.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.firebreak.shared.web.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Console accounts and API tokens. Passwords are stored as Argon2id hashes, tokens as the SHA-256 of their value;
 * a token's value and a generated password are returned once, when made. There is always at least one enabled
 * admin: the last one can be neither demoted nor disabled. Every change is logged with who made it.
 */
@Service
public class AccountApi {

    /** Every token starts with this, so a leaked one is easy to recognise (secret scanners, logs). */
    public static final String TOKEN_PREFIX = "fbk_";
    static final int MIN_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Logger log = LoggerFactory.getLogger(AccountApi.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final SignInThrottle signIns;
    private final Clock clock;

    AccountApi(Accounts accounts, PasswordEncoder passwords, SignInThrottle signIns, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.signIns = signIns;
        this.clock = clock;
    }

    /** A new account; without a password one is generated (returned once). Without a password nobody signs in as it
     * until one is set, but its tokens work: that is how an integration's account is made ({@code signsIn=false}). */
    @Transactional
    public CreatedAccount create(String username, @Nullable String displayName, @Nullable Role role,
            @Nullable String password, boolean signsIn, String actor) {
        String name = validUsername(username);
        if (role == null) {
            throw new InvalidAccountInput("role", "is required: one of VIEWER, RESPONDER, COMMANDER, ADMIN");
        }
        String shown = displayName == null || displayName.isBlank() ? name : validDisplayName(displayName);
        String generated = null;
        String hash = null;
        if (password != null) {
            hash = passwords.encode(validPassword(password));
        } else if (signsIn) {
            generated = randomText(15);
            hash = passwords.encode(generated);
        }
        if (accounts.find(name).isPresent()) {
            throw new AccountConflict("an account named '" + name + "' already exists");
        }
        Instant now = clock.instant();
        accounts.insert(name, shown, role, hash, actor, now);
        log.info("Account {} created with role {} by {}", name, role, actor);
        return new CreatedAccount(get(name), generated);
    }

    public List<AccountView> list() {
        return accounts.all();
    }

    public AccountView get(String username) {
        return accounts.find(username).map(Accounts.Stored::view)
                .orElseThrow(() -> new AccountNotFound("no account named '" + username + "'"));
    }

    public Optional<AccountView> find(String username) {
        return accounts.find(username).map(Accounts.Stored::view);
    }

    /** Changes what is given (null: unchanged). Refuses to leave no enabled admin. */
    @Transactional
    public AccountView update(String username, @Nullable Role role, @Nullable Boolean enabled, @Nullable String password,
            @Nullable String displayName, String actor) {
        Accounts.Stored stored = accounts.find(username)
                .orElseThrow(() -> new AccountNotFound("no account named '" + username + "'"));
        AccountView current = stored.view();
        Role newRole = role == null ? current.role() : role;
        boolean newEnabled = enabled == null ? current.enabled() : enabled;
        String hash = password == null ? stored.passwordHash() : passwords.encode(validPassword(password));
        String shown = displayName == null ? current.displayName() : validDisplayName(displayName);
        boolean wasAdmin = current.enabled() && current.role() == Role.ADMIN;
        boolean staysAdmin = newEnabled && newRole == Role.ADMIN;
        if (wasAdmin && !staysAdmin && accounts.enabledAdmins() <= 1) {
            throw new AccountConflict("'" + username + "' is the last enabled admin: make another admin first");
        }
        accounts.update(username, newRole, newEnabled, hash, shown, clock.instant());
        if (password != null) {
            signIns.clear(username);
        }
        log.info("Account {} changed by {}: role {}, enabled {}{}", username, actor, newRole, newEnabled,
                password == null ? "" : ", password set");
        return get(username);
    }

    /** A person changes their own password, proving the current one. */
    @Transactional
    public void changeOwnPassword(String username, @Nullable String current, @Nullable String replacement) {
        Accounts.Stored stored = accounts.find(username)
                .orElseThrow(() -> new AccountNotFound("no account named '" + username + "'"));
        if (stored.passwordHash() == null || current == null || !passwords.matches(current, stored.passwordHash())) {
            throw new InvalidAccountInput("currentPassword", "is not your current password");
        }
        if (replacement == null) {
            throw new InvalidAccountInput("newPassword", "is required");
        }
        if (replacement.equals(current)) {
            throw new InvalidAccountInput("newPassword", "must differ from the current one");
        }
        String hash;
        try {
            hash = passwords.encode(validPassword(replacement));
        } catch (InvalidAccountInput e) {
            throw new InvalidAccountInput("newPassword", e.getMessage());
        }
        AccountView view = stored.view();
        accounts.update(username, view.role(), view.enabled(), hash, view.displayName(), clock.instant());
        log.info("Account {} changed its own password", username);
    }

    /** An admin gives the account a new generated password (returned once), e.g. when one was forgotten. */
    @Transactional
    public String resetPassword(String username, String actor) {
        AccountView view = get(username);
        String generated = randomText(15);
        accounts.update(username, view.role(), view.enabled(), passwords.encode(generated), view.displayName(),
                clock.instant());
        signIns.clear(username);
        log.info("Account {} given a new password by {}", username, actor);
        return generated;
    }

    /** Issues a token for the account; {@code validity} null: until revoked. */
    @Transactional
    public IssuedToken issueToken(String username, String name, @Nullable Duration validity, String actor) {
        get(username);
        if (name == null || name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidAccountInput("name", "must say what the token is for, at most 100 printable characters");
        }
        if (validity != null && (validity.isNegative() || validity.isZero())) {
            throw new InvalidAccountInput("expiresInDays", "must be positive");
        }
        String token = TOKEN_PREFIX + randomText(32);
        return new IssuedToken(token, store(username, name.strip(), token, validity, actor));
    }

    /** Makes sure a token with this exact value exists for the account (the configured bootstrap token). */
    @Transactional
    public void ensureToken(String username, String name, String token, String actor) {
        if (token.length() < 32) {
            throw new InvalidAccountInput("firebreak.access.bootstrap-token", "must be at least 32 characters");
        }
        if (!accounts.tokenHashExists(sha256(token))) {
            store(username, name, token, null, actor);
        }
    }

    public List<TokenView> tokens(String username) {
        get(username);
        return accounts.tokens(username);
    }

    @Transactional
    public TokenView revokeToken(String username, long id, String actor) {
        TokenView token = accounts.token(id).filter(t -> t.username().equals(username))
                .orElseThrow(() -> new AccountNotFound("account '" + username + "' has no token " + id));
        accounts.revoke(id, actor, clock.instant());
        log.info("Token {} ({}) of {} revoked by {}", id, token.name(), username, actor);
        return accounts.token(id).orElseThrow();
    }

    boolean isEmpty() {
        return accounts.count() == 0;
    }

    /** The owner of an active token with this value, if any; notes its use (at most once a minute per token). */
    Optional<Accounts.TokenOwner> tokenOwner(String token) {
        Instant now = clock.instant();
        Optional<Accounts.TokenOwner> owner = accounts.activeTokenOwner(sha256(token), now);
        owner.filter(o -> o.lastUsedAt() == null || o.lastUsedAt().isBefore(now.minus(Duration.ofMinutes(1))))
                .ifPresent(o -> accounts.touch(o.tokenId(), now));
        return owner;
    }

    Optional<Accounts.Stored> forSignIn(String username) {
        return accounts.find(username);
    }

    private TokenView store(String username, String name, String token, @Nullable Duration validity, String actor) {
        Instant now = clock.instant();
        long id = accounts.insertToken(username, name, sha256(token), token.substring(0, Math.min(12, token.length())),
                validity == null ? null : now.plus(validity), actor, now);
        log.info("Token {} ({}) issued for {} by {}", id, name, username, actor);
        return accounts.token(id).orElseThrow();
    }

    static String validUsername(@Nullable String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidAccountInput("username",
                    "must be 1 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return username;
    }

    private static String validDisplayName(String displayName) {
        String shown = displayName.strip();
        if (shown.isEmpty() || shown.length() > 200 || shown.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidAccountInput("displayName", "must be 1 to 200 printable characters");
        }
        return shown;
    }

    private static String validPassword(String password) {
        if (password.length() < MIN_PASSWORD || password.length() > 200) {
            throw new InvalidAccountInput("password", "must be " + MIN_PASSWORD + " to 200 characters long");
        }
        return password;
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
