#pragma once
#include <gdal_priv.h>
