package org.firebreak.access;

import static org.firebreak.shared.Sql.instant;
import static org.firebreak.shared.Sql.instantOrNull;
import static org.firebreak.shared.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.firebreak.shared.web.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account and api_token tables. */
@Repository
class Accounts {

    /** An account with its password hash, for sign-in only. */
    record Stored(AccountView view, @Nullable String passwordHash) {
    }

    /** The owner of an active token, found by the token's hash. */
    record TokenOwner(long tokenId, String username, Role role, @Nullable Instant lastUsedAt) {
    }

    private static final String ACCOUNT_COLUMNS =
            "username, display_name, role, password_hash, enabled, created_at, created_by, updated_at";
    private static final String TOKEN_COLUMNS =
            "id, username, name, prefix, created_at, created_by, expires_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    Optional<Stored> find(String username) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from account where username = ?").param(username)
                .query((rs, n) -> new Stored(account(rs), rs.getString("password_hash"))).optional();
    }

    List<AccountView> all() {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from account order by username").query((rs, n) -> account(rs)).list();
    }

    long enabledAdmins() {
        return jdbc.sql("select count(*) from account where enabled and role = 'ADMIN'").query(Long.class).single();
    }

    void insert(String username, String displayName, Role role, @Nullable String passwordHash, String actor, Instant now) {
        jdbc.sql("insert into account (" + ACCOUNT_COLUMNS + ") values (?, ?, ?, ?, true, ?, ?, ?)")
                .params(username, displayName, role.name(), passwordHash, ts(now), actor, ts(now)).update();
    }

    void update(String username, Role role, boolean enabled, @Nullable String passwordHash, String displayName, Instant now) {
        jdbc.sql("update account set role = ?, enabled = ?, password_hash = ?, display_name = ?, updated_at = ? where username = ?")
                .params(role.name(), enabled, passwordHash, displayName, ts(now), username).update();
    }

    long insertToken(String username, String name, String hash, String prefix, @Nullable Instant expiresAt, String actor,
            Instant now) {
        jdbc.sql("insert into api_token (username, name, token_hash, prefix, created_at, created_by, expires_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)").params(username, name, hash, prefix, ts(now), actor, ts(expiresAt)).update();
        return jdbc.sql("select id from api_token where token_hash = ?").param(hash).query(Long.class).single();
    }

    Optional<TokenView> token(long id) {
        return jdbc.sql("select " + TOKEN_COLUMNS + " from api_token where id = ?").param(id).query((rs, n) -> token(rs))
                .optional();
    }

    List<TokenView> tokens(String username) {
        return jdbc.sql("select " + TOKEN_COLUMNS + " from api_token where username = ? order by id").param(username)
                .query((rs, n) -> token(rs)).list();
    }

    boolean tokenHashExists(String hash) {
        return jdbc.sql("select count(*) from api_token where token_hash = ?").param(hash).query(Long.class).single() > 0;
    }

    void revoke(long id, String actor, Instant now) {
        jdbc.sql("update api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .params(ts(now), actor, id).update();
    }

    Optional<TokenOwner> activeTokenOwner(String hash, Instant now) {
        return jdbc.sql("""
                select t.id, t.username, a.role, t.last_used_at from api_token t join account a on a.username = t.username
                where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?) and a.enabled
                """).params(hash, ts(now))
                .query((rs, n) -> new TokenOwner(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                        instantOrNull(rs, "last_used_at")))
                .optional();
    }

    void touch(long tokenId, Instant now) {
        jdbc.sql("update api_token set last_used_at = ? where id = ?").params(ts(now), tokenId).update();
    }

    private static AccountView account(ResultSet rs) throws SQLException {
        return new AccountView(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"), rs.getString("password_hash") != null, instant(rs, "created_at"),
                rs.getString("created_by"), instant(rs, "updated_at"));
    }

    private static TokenView token(ResultSet rs) throws SQLException {
        return new TokenView(rs.getLong("id"), rs.getString("username"), rs.getString("name"), rs.getString("prefix"),
                instant(rs, "created_at"), rs.getString("created_by"), instantOrNull(rs, "expires_at"),
                instantOrNull(rs, "last_used_at"), instantOrNull(rs, "revoked_at"));
    }
}
