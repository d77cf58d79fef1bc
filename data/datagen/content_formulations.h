// Internal to the content files: the two halves of the formulation list.
// formulations() (content.h) returns both, liquids first.
//
// Thread-safety: immutable static data.
#pragma once

#include <span>

#include "data/datagen/content.h"

namespace ayc::datagen {

std::span<const FormulationContent> liquid_formulations();
std::span<const FormulationContent> solid_formulations();

}  // namespace ayc::datagen
