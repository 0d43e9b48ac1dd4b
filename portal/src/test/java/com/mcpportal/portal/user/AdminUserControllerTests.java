package com.mcpportal.portal.user;

import java.util.List;

import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.security.PortalWebMvcTest;
import com.mcpportal.portal.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalWebMvcTest(AdminUserController.class)
class AdminUserControllerTests {

    static final PortalUserPrincipal ADMIN = PortalUserPrincipal.of(1, "admin", true);
    static final PortalUserPrincipal ALICE = PortalUserPrincipal.of(2, "alice", false);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserAccountService users;

    @Test
    void onlyAdministratorsManageUsers() throws Exception {
        mvc.perform(get("/admin/users").with(user(ALICE))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").with(user(ALICE)).with(csrf()).param("username", "mallory"))
                .andExpect(status().isForbidden());
        verify(users, never()).create(anyString(), anyBoolean());
    }

    @Test
    void aMalformedUsernameIsExplainedBesideTheField() throws Exception {
        given(users.all()).willReturn(List.of());
        mvc.perform(post("/admin/users").with(user(ADMIN)).with(csrf()).param("username", "a b"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Use 3 to 50 letters, digits, dots, dashes or underscores.")));
        mvc.perform(post("/admin/users").with(user(ADMIN)).with(csrf()).param("username", "x".repeat(51)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Use at most 50 characters.")));
        verify(users, never()).create(anyString(), anyBoolean());
    }

    @Test
    void aTakenUsernameIsExplainedBesideTheField() throws Exception {
        given(users.create("alice", false))
                .willThrow(new InvalidInputException("username", "The username 'alice' is already taken."));
        mvc.perform(post("/admin/users").with(user(ADMIN)).with(csrf()).param("username", "alice"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is already taken")));
    }

    @Test
    void theOneTimePasswordIsHandedOverOnceOnTheNextPage() throws Exception {
        UserAccount bob = mock(UserAccount.class);
        given(bob.getId()).willReturn(5L);
        given(bob.getUsername()).willReturn("bob");
        given(users.create("bob", false)).willReturn(new UserAccountService.CreatedUser(bob, "Abcdefghijkmnpqrstuv"));
        given(users.get(5)).willReturn(bob);

        var created = mvc.perform(post("/admin/users").with(user(ADMIN)).with(csrf()).param("username", "bob"))
                .andExpect(redirectedUrl("/admin/users/5"))
                .andExpect(flash().attribute("oneTimePassword", "Abcdefghijkmnpqrstuv"))
                .andReturn();

        mvc.perform(get("/admin/users/5").with(user(ADMIN)).flashAttrs(created.getFlashMap()))
                .andExpect(content().string(containsString("Abcdefghijkmnpqrstuv")));
        mvc.perform(get("/admin/users/5").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Abcdefghijkmnpqrstuv"))));
    }
}
