// The intervention types: one file each in types/, and this list. Adding a type is a new file
// in types/ and one line in each of the two lists below (its #include and its entry).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <variant>

#include "interventions/types/contribution_subsidy.h"
#include "interventions/types/digital_services.h"
#include "interventions/types/district_office.h"
#include "interventions/types/domestic_worker_mandate.h"
#include "interventions/types/enforcement.h"
#include "interventions/types/information_outreach.h"
#include "interventions/types/mobile_registration.h"

// X(struct, enumerator): the order is that of InterventionType and of the variant.
#define SSPROJ_INTERVENTION_TYPES(X)           \
  X(MobileRegistration, kMobileRegistration)   \
  X(DistrictOffice, kDistrictOffice)           \
  X(InformationOutreach, kInformationOutreach) \
  X(ContributionSubsidy, kContributionSubsidy) \
  X(Enforcement, kEnforcement)                 \
  X(DigitalServices, kDigitalServices)         \
  X(DomesticWorkerMandate, kDomesticWorkerMandate)

namespace ssproj {

#define SSPROJ_ENUMERATOR(type, enumerator) enumerator,
enum class InterventionType : std::uint8_t { SSPROJ_INTERVENTION_TYPES(SSPROJ_ENUMERATOR) };
#undef SSPROJ_ENUMERATOR

namespace interventions {
template <typename First, typename... Types>
struct VariantOfRest {
  using type = std::variant<Types...>;
};
#define SSPROJ_ALTERNATIVE(type, enumerator) , type
// The parameters of an entry: the type's own keys. The index is the InterventionType.
using Parameters = VariantOfRest<void SSPROJ_INTERVENTION_TYPES(SSPROJ_ALTERNATIVE)>::type;
#undef SSPROJ_ALTERNATIVE
}  // namespace interventions

inline constexpr int kNumInterventionTypes = std::variant_size_v<interventions::Parameters>;

#define SSPROJ_NAME(type, enumerator) interventions::type::kName,
inline constexpr std::array<std::string_view, kNumInterventionTypes> kInterventionTypeNames = {
    SSPROJ_INTERVENTION_TYPES(SSPROJ_NAME)};
#undef SSPROJ_NAME

}  // namespace ssproj
