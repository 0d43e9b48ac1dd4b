package com.mcpportal.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mcpportal.portal.support.HtmlText;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.SsoAccounts;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.user.UserAccount;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * E-mail with real SMTP servers (GreenMail): the default channel of a new team (issue 18: "failures and budget to the
 * team owners by e-mail when SMTP is set"), whose owners are looked up when each message is sent, each at the e-mail
 * address of their account (given on the account page, else the sign-in provider's), owners without one listed on the
 * channel page as not reachable; and the administrators' E-mail page, whose stored SMTP server wins over
 * {@code spring.mail.*} (the first GreenMail here), its password sealed and write-only.
 */
@PortalIntegrationTest
class NotificationEmailIntegrationTests {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final String STORED_PASSWORD = "Sm7p-pass-w0rd-kept-secret";
    private static final GreenMail STORED = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("portal-smtp", STORED_PASSWORD));

    static {
        SMTP.start();
        STORED.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        STORED.stop();
        SMTP.stop();
    }

    @AfterEach
    void forgetStoredServer() {
        jdbc.update("DELETE FROM notification_mail_server");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    NotificationChannels channels;

    @Autowired
    Dispatcher dispatcher;

    @Test
    void aNewTeamGetsAnEmailChannelToItsOwnersWithTheDefaultRulesAudited() {
        UserAccount creator = data.user("owners-creator");

        Team team = data.team("Owners", creator);

        List<Channel> made = channels.ofTeam(team.getId());
        assertThat(made).hasSize(1);
        Channel channel = made.get(0);
        assertThat(channel.kind()).isEqualTo(ChannelKind.EMAIL);
        assertThat(channel.name()).isEqualTo("Team owners (e-mail)");
        assertThat(channel.teamOwners()).isTrue();
        assertThat(channel.recipients()).isEmpty();
        assertThat(channel.events()).containsExactlyInAnyOrder(NoticeKind.OPERATION_FAILED,
                NoticeKind.SCHEDULE_FAILED, NoticeKind.BUDGET_CROSSED, NoticeKind.KEY_EXPIRING);
        assertThat(jdbc.queryForList("SELECT action || ' ' || (details->>'default') || ' to ' ||"
                + " (details->>'destination') FROM audit_event WHERE team_id = ? AND action LIKE 'notification.%'",
                String.class, team.getId()))
                .containsExactly("notification.channel.created true to the team's owners");
    }

    @Test
    void aMessageToTheOwnersGoesToTheAddressesTheyHaveWhenItIsSentAndThePageNamesWhoIsNotReachable()
            throws Exception {
        // Given a team whose creator has no e-mail address yet, an owner from a sign-in provider (its e-mail claim)
        // and an owner of a portal account without one
        UserAccount creator = data.user("owners-lead");
        Team team = data.team("Reach", creator);
        UserAccount fromProvider = new SsoAccounts(context).signIn("owners-sso", List.of());
        data.addMember(team, fromProvider, TeamRole.OWNER);
        UserAccount silent = data.user("owners-silent");
        data.addMember(team, silent, TeamRole.OWNER);
        UserAccount viewer = data.user("owners-viewer");
        data.addMember(team, viewer, TeamRole.VIEWER);
        jdbc.update("UPDATE users SET email = ? WHERE id = ?", "viewer-" + viewer.getId() + "@example.com",
                viewer.getId());
        Channel channel = channels.ofTeam(team.getId()).get(0);

        // When the creator gives an address on the account page only after the channel was made
        String address = "lead-" + creator.getId() + "@example.com";
        mvc.perform(post("/account/email").with(user(TestData.principal(creator))).with(csrf()).param("email", address))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/teams/{t}/notifications/{c}/test", team.getId(), channel.id())
                .with(user(TestData.principal(creator))).with(csrf())).andExpect(status().is3xxRedirection());

        // then the message reaches the two owners who have an address, not the viewer, not the one without
        await().atMost(Duration.ofSeconds(60)).until(() -> received(channel).size() == 2);
        MimeMessage mail = received(channel).get(0);
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactlyInAnyOrder(address, fromProvider.getUsername() + "@example.test");
        assertThat(mail.getSubject()).isEqualTo("[MCP Portal] Test message from the MCP Portal");

        // and the channel's page lists each owner with where they are written to, the one without as not reachable
        String page = HtmlText.text(mvc.perform(get("/teams/{t}/notifications/{c}", team.getId(), channel.id())
                .with(user(TestData.principal(silent)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(page).contains(creator.getUsername() + " : " + address)
                .contains(fromProvider.getUsername() + " : " + fromProvider.getUsername() + "@example.test")
                .contains(silent.getUsername() + " : not reachable: no e-mail address. They add one on their account"
                        + " page (Your account, E-mail address)")
                .doesNotContain(viewer.getUsername());
    }

    @Test
    void anOwnersChannelWithNobodyToWriteToFailsSayingHowToFixIt() {
        UserAccount creator = data.user("owners-none");
        Team team = data.team("Nobody", creator);
        Channel channel = channels.ofTeam(team.getId()).get(0);

        channels.sendTest(team.getId(), channel.id());
        dispatcher.dispatchDue();

        assertThat(jdbc.queryForObject("SELECT last_error FROM notification_delivery WHERE channel_id = ?",
                String.class, channel.id())).isEqualTo("None of the team's owners has an e-mail address: each owner"
                + " sets one on their account page (Your account, E-mail address), or add recipients to the channel.");
    }

    @Test
    void theChannelFormOffersTheTeamsOwnersAsRecipients() throws Exception {
        UserAccount creator = data.user("owners-form");
        Team team = data.team("Form", creator);

        mvc.perform(post("/teams/{t}/notifications", team.getId()).with(user(TestData.principal(creator))).with(csrf())
                        .param("kind", "EMAIL").param("name", "Owners and on-call").param("teamOwners", "true")
                        .param("recipients", "oncall@example.com").param("events", "DRIFT_FOUND"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/teams/{t}/notifications", team.getId()).with(user(TestData.principal(creator))).with(csrf())
                        .param("kind", "EMAIL").param("name", "Nobody").param("recipients", "")
                        .param("events", "DRIFT_FOUND"))
                .andExpect(status().isOk());

        Channel made = channels.ofTeam(team.getId()).stream().filter(c -> c.name().equals("Owners and on-call"))
                .findFirst().orElseThrow();
        assertThat(made.teamOwners()).isTrue();
        assertThat(made.destination()).isEqualTo("the team's owners, oncall@example.com");
        assertThat(channels.ofTeam(team.getId())).extracting(Channel::name).doesNotContain("Nobody");
    }

    @Test
    void anAccountsEmailAddressIsRefusedBesideTheFieldWhenItIsNoneAndAuditedWhenSet() throws Exception {
        UserAccount person = data.user("owners-account");

        String page = mvc.perform(post("/account/email").with(user(TestData.principal(person))).with(csrf())
                        .param("email", "alice at example"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"email-error\"").contains("Enter an e-mail address such as alice@example.com")
                .contains("value=\"alice at example\"");
        assertThat(jdbc.queryForObject("SELECT email FROM users WHERE id = ?", String.class, person.getId())).isNull();

        mvc.perform(post("/account/email").with(user(TestData.principal(person))).with(csrf())
                .param("email", " alice@example.com ")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT email FROM users WHERE id = ?", String.class, person.getId()))
                .isEqualTo("alice@example.com");
        assertThat(jdbc.queryForList("SELECT details->>'to' FROM audit_event WHERE action = 'user.email.changed'"
                + " AND target_id = ?", String.class, String.valueOf(person.getId()))).containsExactly("alice@example.com");
    }

    @Test
    void anAdministratorsSmtpServerWinsOverSpringMailItsPasswordSealedNeverShownAndRemovingItFallsBack()
            throws Exception {
        var admin = user(TestData.principal(data.admin()));
        // When the administrator stores an SMTP server that needs signing in
        mvc.perform(post("/admin/mail").with(admin).with(csrf()).param("host", "127.0.0.1")
                        .param("port", String.valueOf(STORED.getSmtp().getPort())).param("username", "portal-smtp")
                        .param("password", STORED_PASSWORD).param("from", "alerts@portal.example.test"))
                .andExpect(status().is3xxRedirection());

        // then the page says so without the password, which is stored sealed, and the change is audited
        String page = mvc.perform(get("/admin/mail").with(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(HtmlText.text(page)).contains("go through 127.0.0.1:" + STORED.getSmtp().getPort())
                .contains("A password is stored");
        assertThat(page).doesNotContain(STORED_PASSWORD);
        assertThat(jdbc.queryForObject("SELECT password_sealed FROM notification_mail_server", String.class))
                .startsWith("v1:").doesNotContain(STORED_PASSWORD);
        assertThat(jdbc.queryForList("SELECT details::text FROM audit_event WHERE action ="
                + " 'notification.mail-server.changed'", String.class)).last().asString()
                .contains("portal-smtp").contains("replaced").doesNotContain(STORED_PASSWORD);

        // When a test e-mail is sent, then it goes through the stored server (with its username and password), from
        // the stored address
        String to = "admin-" + System.nanoTime() + "@example.com";
        mvc.perform(post("/admin/mail/test").with(admin).with(csrf()).param("to", to))
                .andExpect(status().is3xxRedirection());
        assertThat(sentTo(STORED, to)).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("[MCP Portal] Test e-mail");
            assertThat(mail.getFrom()[0].toString()).isEqualTo("alerts@portal.example.test");
        });
        assertThat(sentTo(SMTP, to)).isEmpty();

        // and so does a notification to a team's owners
        UserAccount creator = data.user("owners-stored");
        Team team = data.team("Stored", creator);
        String address = "stored-" + creator.getId() + "@example.com";
        jdbc.update("UPDATE users SET email = ? WHERE id = ?", address, creator.getId());
        channels.sendTest(team.getId(), channels.ofTeam(team.getId()).get(0).id());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dispatcher.dispatchDue();
            return sentTo(STORED, address).size() == 1;
        });

        // When the administrator removes the stored server, then spring.mail.* holds again
        mvc.perform(post("/admin/mail/delete").with(admin).with(csrf())).andExpect(status().is3xxRedirection());
        String again = "again-" + System.nanoTime() + "@example.com";
        mvc.perform(post("/admin/mail/test").with(admin).with(csrf()).param("to", again))
                .andExpect(status().is3xxRedirection());
        assertThat(sentTo(SMTP, again)).hasSize(1);
        assertThat(sentTo(STORED, again)).isEmpty();
    }

    @Test
    void badSmtpSettingsAndABadTestAddressAreRefusedBesideTheirFieldsAndNothingIsStored() throws Exception {
        var admin = user(TestData.principal(data.admin()));

        String page = mvc.perform(post("/admin/mail").with(admin).with(csrf()).param("host", "smtp.example.com")
                        .param("port", "99999").param("from", "alerts@portal.example.test"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(HtmlText.byId(page, "mail-form")).contains("Enter a port from 1 to 65535");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_mail_server", Integer.class)).isZero();

        page = mvc.perform(post("/admin/mail/test").with(admin).with(csrf()).param("to", "nobody"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(HtmlText.byId(page, "mail-test")).contains("Enter an e-mail address such as portal@example.com");
    }

    private static List<MimeMessage> sentTo(GreenMail server, String address) {
        return List.of(server.getReceivedMessages()).stream().filter(mail -> {
            try {
                return Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private List<MimeMessage> received(Channel channel) {
        dispatcher.dispatchDue();
        return List.of(SMTP.getReceivedMessages()).stream().filter(mail -> {
            try {
                return GreenMailUtil.getBody(mail).contains("/notifications/" + channel.id());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
