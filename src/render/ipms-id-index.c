/* ipms-id-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ipms-id-index.h"

/* Linear probing in a table at most half full; removal shifts the
 * entries after the removed one back, so that no tombstone is needed. */
#define MIN_CAPACITY 16

typedef struct
{
  gint64 id;
  guint  position;
  gboolean used;
} Slot;

struct _IpmsIdIndex
{
  Slot  *slots;
  guint  capacity;   /* a power of two */
  guint  size;
};

static inline guint
slot_of (const IpmsIdIndex *self,
         gint64             id)
{
  /* Ids are mostly consecutive: mixed, they spread over the table. */
  guint64 h = (guint64) id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (guint) (h >> 32) & (self->capacity - 1);
}

IpmsIdIndex *
ipms_id_index_new (void)
{
  IpmsIdIndex *self = g_new0 (IpmsIdIndex, 1);

  self->capacity = MIN_CAPACITY;
  self->slots = g_new0 (Slot, self->capacity);

  return self;
}

void
ipms_id_index_free (IpmsIdIndex *self)
{
  if (self == NULL)
    return;

  g_free (self->slots);
  g_free (self);
}

void
ipms_id_index_remove_all (IpmsIdIndex *self)
{
  g_return_if_fail (self != NULL);

  memset (self->slots, 0, self->capacity * sizeof (Slot));
  self->size = 0;
}

guint
ipms_id_index_get_size (IpmsIdIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->size;
}

static Slot *
find_slot (const IpmsIdIndex *self,
           gint64             id)
{
  guint mask = self->capacity - 1;

  for (guint i = slot_of (self, id);; i = (i + 1) & mask)
    if (!self->slots[i].used || self->slots[i].id == id)
      return &self->slots[i];
}

static void
grow (IpmsIdIndex *self)
{
  Slot *old = self->slots;
  guint old_capacity = self->capacity;

  self->capacity *= 2;
  self->slots = g_new0 (Slot, self->capacity);
  for (guint i = 0; i < old_capacity; i++)
    if (old[i].used)
      *find_slot (self, old[i].id) = old[i];
  g_free (old);
}

void
ipms_id_index_set (IpmsIdIndex *self,
                   gint64       id,
                   guint        position)
{
  Slot *slot;

  g_return_if_fail (self != NULL);

  slot = find_slot (self, id);
  if (!slot->used)
    {
      if (2 * (self->size + 1) > self->capacity)
        {
          grow (self);
          slot = find_slot (self, id);
        }
      self->size++;
    }
  *slot = (Slot) { id, position, TRUE };
}

gboolean
ipms_id_index_lookup (IpmsIdIndex *self,
                      gint64       id,
                      guint       *position)
{
  const Slot *slot;

  g_return_val_if_fail (self != NULL, FALSE);

  slot = find_slot (self, id);
  if (slot->used && position != NULL)
    *position = slot->position;

  return slot->used;
}

void
ipms_id_index_remove (IpmsIdIndex *self,
                      gint64       id)
{
  guint mask;
  guint hole;

  g_return_if_fail (self != NULL);

  mask = self->capacity - 1;
  hole = (guint) (find_slot (self, id) - self->slots);
  if (!self->slots[hole].used)
    return;

  self->slots[hole].used = FALSE;
  self->size--;

  /* An entry after the hole that probed past it moves into it. */
  for (guint i = (hole + 1) & mask; self->slots[i].used; i = (i + 1) & mask)
    {
      guint home = slot_of (self, self->slots[i].id);

      /* Whether `home` lies cyclically outside (hole, i]. */
      if (((i - home) & mask) >= ((i - hole) & mask))
        {
          self->slots[hole] = self->slots[i];
          self->slots[i].used = FALSE;
          hole = i;
        }
    }
}
