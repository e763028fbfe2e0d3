#ifndef PDFLOW_FACTS_FACTS_H
#define PDFLOW_FACTS_FACTS_H

// Per-TU facts: what the frontend learns from one translation unit, as plain
// data. The unit of parallelism, caching and sharding: the linker merges many
// TUs' facts by USR and the solver works on the merged facts alone.
//
// Inside a function, a value is described by its Origins: where the data in
// it may come from. Origins are symbolic (a parameter, the result of call
// site 3, the contents of a field) and the solver substitutes them.

#include "pdflow/annotations/AnnotationSpec.h"
#include "pdflow/model/Model.h"
#include "pdflow/support/Diagnostics.h"

#include <cstdint>
#include <map>
#include <unordered_map>
#include <string>
#include <vector>

namespace pdflow {

/// Bumped whenever the on-disk form changes; older facts are re-extracted.
inline constexpr int FactsFormatVersion = 5;

enum class OriginKind : uint8_t {
  Element,    // Ref: element id (an annotated declaration read here)
  Param,      // Index: parameter index (0-based, `this` excluded)
  This,       // the object a method runs on
  Field,      // Ref: field USR, an unannotated field of an object not local here
  Global,     // Ref: variable USR, an unannotated global or static
  CallResult, // Index: call site index in this function
  CallOutArg, // Index: call site, Arg: argument written by the callee (-1: object)
  ObjectType, // Ref: qualified class name; a whole object that may hold personal fields
  Lambda,     // Ref: USR of a lambda's call operator (a callable value)
};

/// One origin of a value, with the steps that brought it here inside the
/// function (read at..., copied into..., formatted by...).
struct Origin {
  OriginKind Kind = OriginKind::Element;
  std::string Ref;
  int Index = 0;
  int Arg = 0;
  /// Read through a member (p.body): whole objects do not flow through it,
  /// and of data stored at members (At) only what is at member Via does.
  bool Projected = false;
  uint8_t Transforms = 0; // bit set of TransformEffect applied on the way
  pdflow::Trail Trail; // the steps inside the function (and, in the solver, before it)
  std::string Via = {}; // the member read through, when Projected ("body")
  std::string At = {};  // the member path this data is stored at in its object ("shipTo.city")

  static Origin param(int I) { return make(OriginKind::Param, "", I); }
  static Origin thisObject() { return make(OriginKind::This, "", 0); }
  static Origin element(std::string Id) { return make(OriginKind::Element, std::move(Id), 0); }
  static Origin field(std::string Usr) { return make(OriginKind::Field, std::move(Usr), 0); }
  static Origin global(std::string Usr) { return make(OriginKind::Global, std::move(Usr), 0); }
  static Origin callResult(int Site) { return make(OriginKind::CallResult, "", Site); }
  static Origin callOutArg(int Site, int Arg) {
    Origin O = make(OriginKind::CallOutArg, "", Site);
    O.Arg = Arg;
    return O;
  }
  static Origin objectType(std::string Class) {
    return make(OriginKind::ObjectType, std::move(Class), 0);
  }
  static Origin lambda(std::string Usr) { return make(OriginKind::Lambda, std::move(Usr), 0); }
  /// This origin with one more step on its trail.
  Origin &&with(FlowStep Step) && {
    Trail.push_back(std::move(Step));
    return std::move(*this);
  }

  /// Identity without the trail: two origins with the same key are the same
  /// data, whatever path found them.
  std::string key() const;
  /// A hash of the key, and key equality, without building the key.
  size_t keyHash() const;
  bool sameKey(const Origin &O) const;
  bool operator==(const Origin &) const = default;

private:
  static Origin make(OriginKind K, std::string Ref, int Index) {
    Origin O;
    O.Kind = K;
    O.Ref = std::move(Ref);
    O.Index = Index;
    return O;
  }
};

using Value = std::vector<Origin>;

/// O as read through member Member of the object it belongs to: a whole
/// object is not in it; data stored at another member is not; data stored at
/// Member (or below) is, relative to it; anything else is marked read through
/// Member, for the solver to apply the same rule when it learns what O is.
/// Returns false when nothing of O remains.
bool projectOrigin(Origin &O, const std::string &Member);

/// How many members deep a place (Origin::At) or a projection (Origin::Via)
/// goes: beyond it, a chain of objects stored in each other (a list's `next`)
/// is one place, which bounds the solver's work on cyclic structures.
inline constexpr unsigned MaxMemberDepth = 4;

/// O placed at member path Path of an object ("shipTo" then O.At "city" is
/// "shipTo.city"). Returns false when that is deeper than MaxMemberDepth.
bool placeOrigin(Origin &O, const std::string &Path);

/// Where in a value (or any sequence of origins) the origin with a given
/// key is: adding to a large value is a lookup, not a scan. Positions stay
/// valid while the sequence only grows.
template <class Seq, class OriginOf> class OriginIndex {
public:
  OriginIndex(const Seq &S, OriginOf Get) : S(S), Get(Get) {}
  /// The position of the element whose origin has O's key, or npos.
  size_t find(const Origin &O) const {
    auto [B, E] = ByHash.equal_range(O.keyHash());
    for (auto It = B; It != E; ++It)
      if (Get(S[It->second]).sameKey(O))
        return It->second;
    return npos;
  }
  /// Records that S[Pos] is there.
  void insert(size_t Pos) { ByHash.emplace(Get(S[Pos]).keyHash(), Pos); }
  static constexpr size_t npos = static_cast<size_t>(-1);

private:
  const Seq &S;
  OriginOf Get;
  std::unordered_multimap<size_t, size_t> ByHash;
};

/// Adds O to V unless an origin with the same key is already there (the
/// first, usually shorter, trail wins).
void addOrigin(Value &V, Origin O);
void addValue(Value &V, const Value &From);

/// How many origins of one source (kind, reference, index, transforms) that
/// differ only in their member paths a value keeps apart.
inline constexpr size_t MaxPathsPerSource = 8;

/// Bounds V: when more than MaxPathsPerSource origins of one source differ
/// only in the member paths they are read through (Via) or placed at (At),
/// those under one top member become one origin at their common path, which
/// stands for all of them (k-limiting: less precise, never missing data);
/// data stored under `users` stays apart from data under `config`. When
/// even the top members are more than the bound, all become one. Real code
/// reads a global's or a parameter's members along thousands of paths;
/// without this a summary holds each of them. MaxPaths overrides the bound
/// (1: every source's origins become one). Returns true when V changed.
bool widenValue(Value &V, size_t MaxPaths = MaxPathsPerSource);

/// Where a write lands.
enum class WriteTargetKind : uint8_t {
  Field,   // the program-wide node of field Ref
  Global,  // the node of global or static Ref
  Param,   // the caller's object behind parameter Index
  This,    // the object the method runs on
  Through, // the object(s) Address points to, once the solver knows them
};

/// A store into memory that outlives the function. Val's origins are placed
/// (Origin::At) where they sit in the target object: `this->a.b = x` is a
/// This write of x at "a.b".
struct Write {
  WriteTargetKind Target = WriteTargetKind::Field;
  std::string Ref;  // field or global USR; for Through, the field written (the
                    // fallback node when the address names no object)
  std::string Name = {}; // its qualified name, for messages
  int Index = 0;    // parameter index for Param
  Value Val;
  SourceLoc Loc;
  /// Through: the value of the pointer or reference written through.
  Value Address = {};
  bool operator==(const Write &) const = default;
};

/// A call, as written: the solver decides whether the callee is a user
/// function, a sink, a transform or a consent check.
struct CallSite {
  std::string CalleeUsr;  // empty when the callee is unknown (function pointer)
  std::string CalleeName; // qualified name, for globs in models and config
  bool Virtual = false;   // dispatched to every override
  SourceLoc Loc;
  std::vector<Value> Args;
  Value Object; // the object of a member call ("this" in the callee)
  /// When the call writes into a sink object (std::cout << x, an ofstream,
  /// an object of a `type:` sink), the sink's name; the written value is
  /// WrittenValue and it leaves at this call.
  std::string SinkObject;
  std::string SinkObjectType;
  Value WrittenValue;
  /// String literals among the arguments, by index (for purpose_arg).
  std::map<int, std::string> StringArgs;
  /// Purposes whose consent check returned true on every path to this call.
  std::vector<std::string> ConsentGuards;
  bool operator==(const CallSite &) const = default;
};

struct FunctionFacts {
  std::string Usr;
  std::string QualifiedName;
  SourceLoc Loc;
  unsigned NumParams = 0;
  bool IsMethod = false;
  std::string ClassName; // qualified, for methods
  std::vector<std::string> Overrides; // USRs of the methods it overrides
  std::vector<CallSite> Calls;
  Value Returns;
  std::vector<Write> Writes;
  bool operator==(const FunctionFacts &) const = default;
};

/// A function declaration's pdflow annotations (declared anywhere in the TU,
/// merged across redeclarations), keyed by USR in TUFacts.
struct FunctionAnnotations {
  std::string QualifiedName;
  SourceLoc Loc;
  std::vector<ParsedAnnotation> Annotations;
};

/// A class: its bases and the personal data an object of it holds.
struct RecordFacts {
  std::string QualifiedName;
  std::vector<std::string> Bases;       // qualified names
  std::vector<std::string> ElementIds;  // annotated fields, and the class itself if annotated
  /// Qualified names of the classes an object holds by value: its
  /// class-typed fields, and what its containers and optionals hold. Not
  /// what it points to: a whole object is not everything reachable from it.
  std::vector<std::string> MemberTypes;
  bool operator==(const RecordFacts &) const = default;
};

/// How a TU's extraction ended. Anything but Complete leaves the analysis
/// incomplete: the TU is named and its facts are not used.
enum class TUOutcome : uint8_t {
  Complete,
  ParseFailed, // Clang reported errors (in Diags)
  TimedOut,    // pdflow's analysis of it went past --tu-timeout
  Crashed,     // pdflow's analysis of it crashed
};

struct TUFacts {
  int Version = FactsFormatVersion;
  std::string MainFile;
  std::vector<DataElement> Elements;
  std::vector<FunctionFacts> Functions;
  std::map<std::string, FunctionAnnotations> Annotated; // by USR
  std::map<std::string, RecordFacts> Records;           // by qualified name
  std::vector<DeclaredName> Declarations;
  std::vector<Suppression> Suppressions;
  std::vector<Diagnostic> Diags; // invalid-annotation and parse errors
  std::vector<int> SideAnnotationsMatched; // indexes into Config::Data
  std::vector<ElementUse> Uses;            // reads of elements, by function
  TUOutcome Outcome = TUOutcome::Complete;
  /// Its index in the compile database: facts from shards merge in this
  /// order, the order a single scan links them in.
  unsigned Position = 0;
  /// How many TUs the extraction run selected in all (every shard's): a
  /// merge checks that positions 0 to Of - 1 are all there.
  unsigned Of = 0;
};

/// Serialises facts to the versioned on-disk form (JSON).
std::string writeFacts(const TUFacts &F);
/// Reads facts back; fails on a version mismatch or malformed input.
bool readFacts(const std::string &Text, TUFacts &Out, std::string &Error);

} // namespace pdflow

#endif
