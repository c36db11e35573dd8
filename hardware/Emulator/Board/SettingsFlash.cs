using System;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>Raised when a write is cut off half way (the board should lose power now).</summary>
    public delegate void PowerCutHandler();

    /// <summary>
    /// The settings storage of the emulated board: a few slots of flash, each holding one record,
    /// with wear bookkeeping and fault injection (a power cut in the middle of a write, I/O errors,
    /// bit rot). The same instance outlives the board's power cycles, like the flash chip.
    /// </summary>
    /// <remarks>
    /// A write replaces the slot's record: the slot is erased (all 0xFF) to the new record's length
    /// and the bytes are programmed in order. A power cut during it leaves the first bytes that
    /// landed and 0xFF for the rest, with the new length: a later read returns that torn record.
    /// </remarks>
    public sealed class SettingsFlash : ISettingsStore
    {
        private readonly int _slotCount;
        private readonly int _maxRecordSize;
        private readonly byte[][] _data;
        private readonly int[] _lengths;
        private readonly int[] _writeCounts;
        private int _totalWrites;
        private long _bytesWritten;
        private int _cutAfterBytes = -1;
        private bool _failNextRead;
        private bool _failNextWrite;
        private bool _powerCutHappened;
        private PowerCutHandler _powerCut;

        public SettingsFlash(int slotCount, int maxRecordSize)
        {
            if (slotCount <= 0)
            {
                throw new ArgumentOutOfRangeException("slotCount");
            }

            if (maxRecordSize <= 0)
            {
                throw new ArgumentOutOfRangeException("maxRecordSize");
            }

            _slotCount = slotCount;
            _maxRecordSize = maxRecordSize;
            _data = new byte[slotCount][];
            for (int i = 0; i < slotCount; i++)
            {
                _data[i] = new byte[maxRecordSize];
            }

            _lengths = new int[slotCount];
            _writeCounts = new int[slotCount];
        }

        /// <summary>Raised from inside the <see cref="Write"/> that a power cut tore.</summary>
        public event PowerCutHandler PowerCut
        {
            add { _powerCut = (PowerCutHandler)Delegate.Combine(_powerCut, value); }
            remove { _powerCut = (PowerCutHandler)Delegate.Remove(_powerCut, value); }
        }

        public int SlotCount
        {
            get { return _slotCount; }
        }

        public int MaxRecordSize
        {
            get { return _maxRecordSize; }
        }

        /// <summary>Writes that reached the flash (including torn ones), all slots.</summary>
        public int TotalWrites
        {
            get { return _totalWrites; }
        }

        /// <summary>Bytes programmed, all slots (a torn write counts the bytes that landed).</summary>
        public long BytesWritten
        {
            get { return _bytesWritten; }
        }

        /// <summary>True once a write has been torn by <see cref="CutPowerDuringNextWrite"/>.</summary>
        public bool PowerCutHappened
        {
            get { return _powerCutHappened; }
        }

        /// <summary>Writes to <paramref name="slot"/> that reached the flash (including torn ones).</summary>
        public int WriteCount(int slot)
        {
            CheckSlot(slot);
            return _writeCounts[slot];
        }

        public int Read(int slot, byte[] buffer, int offset, int count)
        {
            CheckSlot(slot);
            CheckRange(buffer, offset, count);
            if (_failNextRead)
            {
                _failNextRead = false;
                return -1;
            }

            int length = _lengths[slot];
            Array.Copy(_data[slot], 0, buffer, offset, length < count ? length : count);
            return length;
        }

        public bool Write(int slot, byte[] buffer, int offset, int count)
        {
            CheckSlot(slot);
            CheckRange(buffer, offset, count);
            if (count > _maxRecordSize)
            {
                return false;
            }

            if (_failNextWrite)
            {
                _failNextWrite = false;
                return false;
            }

            byte[] data = _data[slot];
            int landed = count;
            bool torn = _cutAfterBytes >= 0;
            if (torn)
            {
                landed = _cutAfterBytes < count ? _cutAfterBytes : count;
                _cutAfterBytes = -1;
            }

            Array.Copy(buffer, offset, data, 0, landed);
            for (int i = landed; i < count; i++)
            {
                data[i] = 0xFF;
            }

            _lengths[slot] = count;
            _writeCounts[slot]++;
            _totalWrites++;
            _bytesWritten += landed;
            if (!torn)
            {
                return true;
            }

            _powerCutHappened = true;
            PowerCutHandler handler = _powerCut;
            if (handler != null)
            {
                handler();
            }

            return false;
        }

        /// <summary>
        /// Arms a power cut: the next write (that gets past its checks) stores only its first
        /// <paramref name="bytesThatLand"/> bytes, 0xFF for the rest of the new record, returns false
        /// and raises <see cref="PowerCut"/>.
        /// </summary>
        public void CutPowerDuringNextWrite(int bytesThatLand)
        {
            if (bytesThatLand < 0)
            {
                throw new ArgumentOutOfRangeException("bytesThatLand");
            }

            _cutAfterBytes = bytesThatLand;
        }

        /// <summary>The next read fails (returns -1) and changes nothing.</summary>
        public void FailNextRead()
        {
            _failNextRead = true;
        }

        /// <summary>The next write fails (returns false) and changes nothing.</summary>
        public void FailNextWrite()
        {
            _failNextWrite = true;
        }

        /// <summary>Flips bits of a stored byte (bit rot, a test that checks checksums).</summary>
        public void Corrupt(int slot, int byteIndex, int xorMask)
        {
            CheckSlot(slot);
            if (byteIndex < 0 || byteIndex >= _lengths[slot])
            {
                throw new ArgumentOutOfRangeException("byteIndex");
            }

            _data[slot][byteIndex] = (byte)(_data[slot][byteIndex] ^ xorMask);
        }

        /// <summary>Empties a slot (not counted as a write).</summary>
        public void Erase(int slot)
        {
            CheckSlot(slot);
            byte[] data = _data[slot];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = 0xFF;
            }

            _lengths[slot] = 0;
        }

        private void CheckSlot(int slot)
        {
            if (slot < 0 || slot >= _slotCount)
            {
                throw new ArgumentOutOfRangeException("slot");
            }
        }

        private static void CheckRange(byte[] buffer, int offset, int count)
        {
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
