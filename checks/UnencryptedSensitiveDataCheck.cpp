#include "UnencryptedSensitiveDataCheck.h"
#include "CheckFactories.h"
#include "CheckUtils.h"
#include "pdflow/support/Text.h"

namespace pdflow {

UnencryptedSensitiveDataCheck::UnencryptedSensitiveDataCheck(CheckContext &Ctx)
    : Check(Ctx), HashingSufficesFor(splitList(Ctx.option("hashing_suffices_for", "credentials"))),
      HashedCategories(splitList(Ctx.option("hashed_categories", "credentials.password_hash"))) {}

static bool isSensitive(const Taxonomy *Tax, const std::string &Category) {
  return Tax &&
         (Tax->isSpecial(Category) || Tax->isCriminal(Category) || Tax->isProtected(Category));
}

static bool isAtRest(const SinkRef &S) {
  return S.Kind == SinkKind::Storage || S.Kind == SinkKind::Export;
}

/// Only a network sink declared `encrypted: false` is known to be plaintext;
/// an unset flag is taken to mean TLS.
static bool isPlaintextNetwork(const SinkRef &S) {
  return (S.Kind == SinkKind::ThirdParty || S.Kind == SinkKind::InternalService) && S.Encrypted &&
         !*S.Encrypted;
}

void UnencryptedSensitiveDataCheck::checkCategories(const Model &M, const std::string &Option,
                                                    const std::vector<std::string> &Ids) {
  if (!M.Tax)
    return;
  for (const std::string &C : Ids)
    if (!M.Tax->category(C))
      Ctx.optionError(withSuggestion("unknown category '" + C + "' in option '" + Option +
                                         "' of rule '" + std::string(Ctx.rule().Name) + "'",
                                     C, M.Tax->categoryIds()));
}

void UnencryptedSensitiveDataCheck::check(const Model &M) {
  checkCategories(M, "hashing_suffices_for", HashingSufficesFor);
  checkCategories(M, "hashed_categories", HashedCategories);
  for (const Flow &F : M.Flows) {
    bool AtRest = isAtRest(F.Sink);
    if (!AtRest && !isPlaintextNetwork(F.Sink))
      continue;
    if (hasTransform(F, TransformEffect::Encrypt) || isAnonymized(F))
      continue;
    const DataElement *E = M.element(F.ElementId);
    if (!E || !isSensitive(M.Tax, E->Spec.Category) ||
        isWithinAny(M.Tax, E->Spec.Category, HashedCategories))
      continue;
    bool Hashable = isWithinAny(M.Tax, E->Spec.Category, HashingSufficesFor);
    if (Hashable && hasTransform(F, TransformEffect::Pseudonymize))
      continue;
    std::string What = dataPhrase(*E, dataNoun(M.Tax, E->Spec.Category)) + wholeObjectPhrase(F);
    std::string Fix = Hashable ? "hash it with a pseudonymize transform (a password hash such as "
                                 "argon2 or bcrypt) or encrypt it first"
                               : "encrypt it with an encrypt transform first";
    std::string Message;
    if (AtRest)
      Message = What + (F.Sink.Kind == SinkKind::Storage ? " is stored by " : " is exported by ") +
                sinkPhrase(F.Sink) + " unencrypted; " + Fix;
    else
      Message = What + " is sent through " + sinkPhrase(F.Sink) +
                " over a connection declared encrypted: false; use an encrypted transport "
                "(TLS) or " +
                Fix;
    Ctx.report(flowSubject(F, M), F.SinkLoc, Message + gdpr(Ctx.rule().Article), flowNotes(F, M),
               flowFixIts(F, M));
  }
}

std::unique_ptr<Check> createUnencryptedSensitiveDataCheck(CheckContext &Ctx) {
  return std::make_unique<UnencryptedSensitiveDataCheck>(Ctx);
}

} // namespace pdflow
