#include "network/model.h"
