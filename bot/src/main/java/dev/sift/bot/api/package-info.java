/**
 * Sift's own HTTP API for the firm's other tools, on Sift's HTTP port: {@code POST
 * /api/items/{id}/ack} and {@code /resolve} close the loop from a ticket or on-call tool as the
 * card's buttons do. Each integration has its own bearer token (from the environment), its own rate
 * limit, and every call it makes is in the audit log.
 */
package dev.sift.bot.api;
