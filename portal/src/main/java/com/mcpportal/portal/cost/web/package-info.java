/**
 * The cost pages and the cost API: controllers, their forms and request/response records, and the page models (bar
 * charts, the price panels). Internal to the cost feature: they call the services of its base package and nothing
 * else depends on them.
 */
package com.mcpportal.portal.cost.web;
