package com.mcpportal.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page is the caller's team list. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/teams";
    }
}
