#pragma once
#include <gdal_priv.h>
#include "network/model.h"
