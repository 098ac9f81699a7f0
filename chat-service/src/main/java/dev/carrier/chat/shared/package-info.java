/**
 * What every feature may use and that belongs to none: id syntax, the caller's identity,
 * the chat types, and the small exceptions any feature throws (a broken rule, a
 * dependency that did not answer, an unknown user). Depends on nothing else in
 * chat-service; the web package maps the exceptions to problems.
 */
package dev.carrier.chat.shared;
