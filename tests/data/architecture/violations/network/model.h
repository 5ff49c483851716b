#pragma once
#include "geo/layers.h"
