package com.mcpportal.portal.security;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Makes the signed-in user available to every page as {@code currentUser} (null on public pages). */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    PortalUserPrincipal currentUser() {
        return CurrentUser.find().orElse(null);
    }
}
