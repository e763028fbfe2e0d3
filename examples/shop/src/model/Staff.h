// A member of staff: support agents and back-office administrators.
#ifndef SHOP_MODEL_STAFF_H
#define SHOP_MODEL_STAFF_H

#include <pdflow/annotations.h>

#include <cstdint>
#include <string>

namespace shop {

struct PDFLOW_SUBJECT(employee) StaffMember {
  std::int64_t id = 0;

  // Shown to customers on the tickets the agent handles.
  PDFLOW_DATA(identity.name, purposes = suport, // pdflow-example: invalid-annotation: the purpose is misspelt
              retention = "end of employment + P1Y")
  std::string displayName;

  bool isAdmin = false;
};

} // namespace shop

#endif // SHOP_MODEL_STAFF_H
