// pdflow annotations: mark personal data, sinks, transforms, activities and
// consent checks in C++ code.
//
// Every macro expands to [[clang::annotate(...)]] only while pdflow parses the
// code (pdflow predefines __PDFLOW__) and to nothing in every real build,
// Clang's included. Clang lowers annotations on fields to llvm.ptr.annotation
// calls that block optimisations (LLVM issue 55190), so real builds must not
// see them. No runtime cost, no ABI change.
//
// Arguments are written without quotes; the macro stringizes them and pdflow
// parses the text. Quote a value only if it holds a comma or spaces that
// matter, e.g. recipient = "Acme, Inc.".
//
//   struct PDFLOW_SUBJECT(customer) Customer {
//     PDFLOW_DATA(contact.email, purposes = billing support, retention = P3Y)
//     std::string email;
//     PDFLOW_DATA(special.health) std::string allergies;
//   };
//   PDFLOW_SINK(third-party, recipient = Stripe, country = US, safeguard = dpf)
//   void charge(const Payment &p);
//   PDFLOW_TRANSFORM(pseudonymize) std::string hashEmail(const std::string &e);
//   PDFLOW_ACTIVITY(billing) void BillingService::run();
//   PDFLOW_CONSENT_CHECK(marketing) bool Consents::marketing(const Customer &c);
//
// See docs/annotating.md for every key.
#ifndef PDFLOW_ANNOTATIONS_H
#define PDFLOW_ANNOTATIONS_H

#if defined(__PDFLOW__)
#define PDFLOW_ANNOTATE_(kind, ...) [[clang::annotate("pdflow." kind, #__VA_ARGS__)]]
#else
#define PDFLOW_ANNOTATE_(kind, ...)
#endif

// Personal data: on a field, variable, parameter, function (its return value)
// or class (every object of it). First argument: the taxonomy category; then
// optional keys: subject, purposes, retention, source.
#define PDFLOW_DATA(...) PDFLOW_ANNOTATE_("data", __VA_ARGS__)

// On a class: whose data its personal fields hold (customer, employee...).
#define PDFLOW_SUBJECT(...) PDFLOW_ANNOTATE_("subject", __VA_ARGS__)

// On a function or class: data passed to it leaves the program. First
// argument: log | export | storage | third-party | internal-service; then
// recipient, country, safeguard, encrypted, accepts, args.
#define PDFLOW_SINK(...) PDFLOW_ANNOTATE_("sink", __VA_ARGS__)

// On a function: its result is its input pseudonymized, anonymized,
// encrypted or redacted.
#define PDFLOW_TRANSFORM(...) PDFLOW_ANNOTATE_("transform", __VA_ARGS__)

// On a function or class: an entry point of a processing activity declared
// in .pdflow.yaml; everything it calls runs under that activity.
#define PDFLOW_ACTIVITY(...) PDFLOW_ANNOTATE_("activity", __VA_ARGS__)

// On a function returning bool: true when the person consented to the
// purpose named.
#define PDFLOW_CONSENT_CHECK(...) PDFLOW_ANNOTATE_("consent_check", __VA_ARGS__)

#endif // PDFLOW_ANNOTATIONS_H
