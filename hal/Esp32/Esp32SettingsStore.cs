using System;
using System.IO;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Hal.Esp32
{
    /// <summary>
    /// Settings slots on the ESP32's internal flash through nanoFramework's file system: one file
    /// per slot on the internal drive (I:\), read and written through the caller's buffers.
    /// </summary>
    /// <remarks>
    /// A write replaces the file (<see cref="FileMode.Create"/> truncates it, then the record is
    /// written and the stream closed). That is NOT atomic as far as this code can promise: a power
    /// cut may leave the slot empty, short or old. On nanoFramework's ESP32 images the internal
    /// drive is expected to be the littlefs "config" partition of its partition table
    /// (nf-interpreter targets/ESP32/_IDF/esp32/partitions_nanoclr_4mb.csv: 256 kB), and littlefs
    /// commits a file's new contents when it is closed, which would leave the old record after a
    /// cut; nothing here depends on it. The firmware's two-slot scheme (alternating slots, sequence
    /// numbers, checksums) is what makes settings survive a cut. The stream objects are allocated
    /// per call (the file API has no other way); the record bytes are never copied into new arrays.
    /// </remarks>
    public sealed class Esp32SettingsStore : ISettingsStore
    {
        private readonly string[] _paths;
        private readonly int _maxRecordSize;

        /// <param name="directory">Where the slot files live, e.g. "I:\\".</param>
        /// <param name="slotCount">Number of slots (the firmware's scheme uses two).</param>
        /// <param name="maxRecordSize">The largest record, in bytes.</param>
        public Esp32SettingsStore(string directory, int slotCount, int maxRecordSize)
        {
            if (slotCount <= 0)
            {
                throw new ArgumentOutOfRangeException("slotCount");
            }

            if (maxRecordSize <= 0)
            {
                throw new ArgumentOutOfRangeException("maxRecordSize");
            }

            _paths = new string[slotCount];
            for (int i = 0; i < slotCount; i++)
            {
                _paths[i] = directory + "settings" + i.ToString() + ".bin";
            }

            _maxRecordSize = maxRecordSize;
        }

        /// <param name="paths">One file per slot, e.g. the user EQ presets "I:\\eq\\user1.eq".</param>
        /// <param name="maxRecordSize">The largest record, in bytes.</param>
        public Esp32SettingsStore(string[] paths, int maxRecordSize)
        {
            if (paths == null || paths.Length == 0)
            {
                throw new ArgumentOutOfRangeException("paths");
            }

            if (maxRecordSize <= 0)
            {
                throw new ArgumentOutOfRangeException("maxRecordSize");
            }

            _paths = paths;
            _maxRecordSize = maxRecordSize;
        }

        public int SlotCount
        {
            get { return _paths.Length; }
        }

        public int MaxRecordSize
        {
            get { return _maxRecordSize; }
        }

        public int Read(int slot, byte[] buffer, int offset, int count)
        {
            CheckArguments(slot, buffer, offset, count);
            try
            {
                if (!File.Exists(_paths[slot]))
                {
                    return 0;
                }

                using (var file = new FileStream(_paths[slot], FileMode.Open, FileAccess.Read))
                {
                    long length = file.Length;
                    if (length > _maxRecordSize)
                    {
                        return -1; // not a record this store wrote
                    }

                    int wanted = length < count ? (int)length : count;
                    int done = 0;
                    while (done < wanted)
                    {
                        int read = file.Read(buffer, offset + done, wanted - done);
                        if (read <= 0)
                        {
                            return -1; // shorter than its length says
                        }

                        done += read;
                    }

                    return (int)length;
                }
            }
            catch (Exception)
            {
                return -1;
            }
        }

        public bool Write(int slot, byte[] buffer, int offset, int count)
        {
            CheckArguments(slot, buffer, offset, count);
            if (count > _maxRecordSize)
            {
                return false;
            }

            try
            {
                using (var file = new FileStream(_paths[slot], FileMode.Create, FileAccess.Write))
                {
                    file.Write(buffer, offset, count);
                    file.Flush();
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        private void CheckArguments(int slot, byte[] buffer, int offset, int count)
        {
            if (slot < 0 || slot >= _paths.Length)
            {
                throw new ArgumentOutOfRangeException("slot");
            }

            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException("count");
            }
        }
    }
}
