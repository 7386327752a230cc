#include <ssproj/demographic_inputs.h>

namespace ssproj {

const char* sex_name(Sex sex) { return sex == Sex::kMale ? "male" : "female"; }

}  // namespace ssproj
