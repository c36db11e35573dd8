using System;
using InterfaceFirmware.Firmware.Model;

namespace InterfaceFirmware.Firmware.Persistence
{
    /// <summary>
    /// <see cref="Settings"/> ⇄ the bytes of one record, in buffers the caller preallocates (nothing
    /// is allocated per record). Little-endian:
    /// <code>
    ///  0  magic "IFSR"      4 bytes   — frozen across versions
    ///  4  format version    2 bytes   — frozen
    ///  6  record length     2 bytes   — frozen; header + fields + checksum
    ///  8  sequence number   4 bytes   — frozen; +1 per save
    /// 12  jack count        1 byte    — frozen
    /// 13  fields of versions 1..N (see <see cref="SettingsLayout"/>)
    /// end CRC-32 of all bytes before it, 4 bytes — frozen
    /// </code>
    /// The frozen parts let any firmware tell a future version's intact record from a corrupt one.
    /// </summary>
    public sealed class SettingsRecord
    {
        public const int HeaderLength = 13;
        public const int ChecksumLength = 4;

        private const uint Magic = 0x52534649u; // "IFSR" in little-endian byte order
        private const int VersionOffset = 4;
        private const int LengthOffset = 6;
        private const int SequenceOffset = 8;
        private const int JackCountOffset = 12;

        private readonly SettingsLayout _layout;
        private readonly int _jackCount;
        private readonly int _payloadLength; // of the version written: fixed, computed once (a save runs in the loop)

        // The order this firmware writes its fields in, flattened once: one entry per value.
        private readonly SettingsField[] _writeField;
        private readonly int[] _writeJack;
        private readonly int[] _writeBytes;
        private readonly int[] _writeAt; // each value's byte offset in the record

        public SettingsRecord(SettingsLayout layout, int jackCount)
        {
            if (layout == null || layout.Count == 0)
            {
                throw new ArgumentException("layout");
            }

            if (jackCount < 1 || jackCount > 255)
            {
                throw new ArgumentOutOfRangeException("jackCount");
            }

            _layout = layout;
            _jackCount = jackCount;
            _payloadLength = layout.PayloadLength(layout.CurrentVersion, jackCount);
            int values = 0;
            for (int i = 0; i < layout.Count; i++)
            {
                values += SettingsLayout.IsPerJack(layout.Field(i)) ? jackCount : 1;
            }

            _writeField = new SettingsField[values];
            _writeJack = new int[values];
            _writeBytes = new int[values];
            _writeAt = new int[values];
            int n = 0;
            int first = 0;
            while (first < layout.Count)
            {
                int end = SectionEnd(first);
                n = PlanSection(n, first, end, false, 0);
                for (int jack = 0; jack < jackCount; jack++)
                {
                    n = PlanSection(n, first, end, true, jack);
                }

                first = end;
            }

            int at = HeaderLength;
            for (int i = 0; i < values; i++)
            {
                _writeAt[i] = at;
                at += _writeBytes[i];
            }
        }

        public SettingsLayout Layout
        {
            get { return _layout; }
        }

        /// <summary>The version this firmware writes and the newest it reads.</summary>
        public int CurrentVersion
        {
            get { return _layout.CurrentVersion; }
        }

        /// <summary>Bytes of a record this firmware writes (header, fields, checksum).</summary>
        public int Length
        {
            get { return HeaderLength + PayloadLength + ChecksumLength; }
        }

        /// <summary>The jacks the record holds.</summary>
        public int JackCount
        {
            get { return _jackCount; }
        }

        /// <summary>Bytes of the fields alone (what <see cref="WriteFields"/> produces).</summary>
        public int PayloadLength
        {
            get { return _payloadLength; }
        }

        /// <summary>Values in a record this firmware writes (a per-jack field counts once per jack), in the order <see cref="WriteValues"/> numbers them.</summary>
        public int ValueCount
        {
            get { return _writeField.Length; }
        }

        /// <summary>Writes a whole record into <paramref name="buffer"/> from 0; returns its length.</summary>
        public int Write(Settings settings, uint sequence, byte[] buffer)
        {
            int length = WriteHeader(sequence, buffer);
            WriteValues(settings, buffer, 0, ValueCount);
            WriteChecksum(buffer, Crc32.Compute(buffer, 0, length - ChecksumLength));
            return length;
        }

        // A record in parts (a save spread over the control loop's steps): the header, the values
        // a few at a time, then the checksum of every byte before it.

        /// <summary>Writes the header of a record into <paramref name="buffer"/> from 0; returns the record's length.</summary>
        public int WriteHeader(uint sequence, byte[] buffer)
        {
            int length = Length;
            PutUnsigned(buffer, 0, Magic, 4);
            PutUnsigned(buffer, VersionOffset, (uint)CurrentVersion, 2);
            PutUnsigned(buffer, LengthOffset, (uint)length, 2);
            PutUnsigned(buffer, SequenceOffset, sequence, 4);
            buffer[JackCountOffset] = (byte)_jackCount;
            return length;
        }

        /// <summary>
        /// Writes values <paramref name="first"/> … up to <paramref name="count"/> of them (fewer at
        /// the end) at their places in a record in <paramref name="buffer"/>; returns the index of the
        /// next value (<see cref="ValueCount"/> once all are written).
        /// </summary>
        public int WriteValues(Settings settings, byte[] buffer, int first, int count)
        {
            int end = first + count;
            end = end < _writeField.Length ? end : _writeField.Length;
            PutValues(settings, buffer, first, end, 0);
            return end;
        }

        /// <summary>The byte offset in the record where value <paramref name="index"/> starts (the checksum's offset for <see cref="ValueCount"/>).</summary>
        public int ValueOffset(int index)
        {
            return index < _writeAt.Length ? _writeAt[index] : HeaderLength + _payloadLength;
        }

        /// <summary>Puts <paramref name="crc"/> (of every byte before it) at the end of the record in <paramref name="buffer"/>.</summary>
        public void WriteChecksum(byte[] buffer, uint crc)
        {
            PutUnsigned(buffer, Length - ChecksumLength, crc, 4);
        }

        /// <summary>
        /// Writes the fields alone (no header, no checksum) from <paramref name="offset"/>; returns
        /// their length. Equal settings give equal bytes: the saver compares these to find changes.
        /// </summary>
        public int WriteFields(Settings settings, byte[] buffer, int offset)
        {
            PutValues(settings, buffer, 0, _writeField.Length, offset - HeaderLength);
            return _payloadLength;
        }

        // Values first … end - 1 at their places in a record, moved by shift bytes.
        private void PutValues(Settings settings, byte[] buffer, int first, int end, int shift)
        {
            for (int i = first; i < end; i++)
            {
                PutSigned(buffer, _writeAt[i] + shift, Get(settings, _writeJack[i], _writeField[i]), _writeBytes[i]);
            }
        }

        /// <summary>
        /// Checks the header and the checksum of a record of <paramref name="storedLength"/> bytes
        /// (the store's answer to a read: -1 = error, 0 = empty) and fills <paramref name="info"/>.
        /// </summary>
        public void Check(byte[] buffer, int storedLength, SettingsRecordInfo info)
        {
            info.Clear();
            info.StoredLength = storedLength;
            if (storedLength < 0)
            {
                info.Status = SettingsRecordStatus.ReadError;
                return;
            }

            if (storedLength == 0)
            {
                info.Status = SettingsRecordStatus.Empty;
                return;
            }

            if (storedLength < HeaderLength + ChecksumLength || storedLength > buffer.Length)
            {
                info.Status = storedLength > buffer.Length ? SettingsRecordStatus.LengthMismatch : SettingsRecordStatus.Truncated;
                return;
            }

            if (AllErased(buffer, 0, storedLength))
            {
                info.Status = SettingsRecordStatus.Erased;
                return;
            }

            if (AllErased(buffer, storedLength - ChecksumLength, ChecksumLength))
            {
                info.Status = SettingsRecordStatus.TornWrite;
                return;
            }

            if (GetUnsigned(buffer, 0, 4) != Magic)
            {
                info.Status = SettingsRecordStatus.ForeignMagic;
                return;
            }

            info.DeclaredLength = (int)GetUnsigned(buffer, LengthOffset, 2);
            if (storedLength < info.DeclaredLength)
            {
                info.Status = SettingsRecordStatus.Truncated;
                return;
            }

            if (storedLength > info.DeclaredLength)
            {
                info.Status = SettingsRecordStatus.LengthMismatch;
                return;
            }

            int length = info.DeclaredLength;
            if (GetUnsigned(buffer, length - ChecksumLength, 4) != Crc32.Compute(buffer, 0, length - ChecksumLength))
            {
                info.Status = SettingsRecordStatus.BadChecksum;
                return;
            }

            info.Version = (int)GetUnsigned(buffer, VersionOffset, 2);
            info.Sequence = GetUnsigned(buffer, SequenceOffset, 4);
            info.JackCount = buffer[JackCountOffset];
            if (info.Version == 0)
            {
                info.Status = SettingsRecordStatus.InvalidVersion;
                return;
            }

            if (info.Version > CurrentVersion)
            {
                info.Status = SettingsRecordStatus.FutureVersion;
                return;
            }

            if (length != HeaderLength + _layout.PayloadLength(info.Version, info.JackCount) + ChecksumLength)
            {
                info.Status = SettingsRecordStatus.LayoutMismatch;
                return;
            }

            info.Status = SettingsRecordStatus.Valid;
        }

        /// <summary>
        /// Reads a record that <see cref="Check"/> found <see cref="SettingsRecordStatus.Valid"/> into
        /// <paramref name="into"/>: fields the record's version lacks, and jacks it does not have,
        /// get their defaults; jacks beyond this board's are skipped. Values are as stored: validate
        /// them with <see cref="SettingsValidator"/>.
        /// </summary>
        public void Read(byte[] buffer, SettingsRecordInfo info, Settings into)
        {
            into.ResetToDefaults();
            int at = HeaderLength;
            int i = 0;
            while (i < _layout.Count && _layout.Since(i) <= info.Version)
            {
                int end = SectionEnd(i);
                at = ReadSection(into, info.JackCount, buffer, at, i, end);
                i = end;
            }

            Migrate(info.Version, into);
        }

        // Conversions of settings whose meaning changed between versions go here, one step per
        // version (v1 → v2, then v2 → v3 …). New settings need none: they keep their defaults.
        private static void Migrate(int fromVersion, Settings settings)
        {
        }

        // ---- sections ------------------------------------------------------------------------------

        private int SectionEnd(int first)
        {
            int version = _layout.Since(first);
            int end = first;
            while (end < _layout.Count && _layout.Since(end) == version)
            {
                end++;
            }

            return end;
        }

        // Appends to the write order the global (perJack false) or one jack's fields of a section.
        private int PlanSection(int n, int first, int end, bool perJack, int jack)
        {
            for (int i = first; i < end; i++)
            {
                if (SettingsLayout.IsPerJack(_layout.Field(i)) == perJack)
                {
                    _writeField[n] = _layout.Field(i);
                    _writeJack[n] = jack;
                    _writeBytes[n] = _layout.Bytes(i);
                    n++;
                }
            }

            return n;
        }

        private int ReadSection(Settings settings, int jackCount, byte[] buffer, int at, int first, int end)
        {
            for (int i = first; i < end; i++)
            {
                SettingsField field = _layout.Field(i);
                if (!SettingsLayout.IsPerJack(field))
                {
                    Set(settings, 0, field, GetSigned(buffer, at, _layout.Bytes(i)));
                    at += _layout.Bytes(i);
                }
            }

            for (int jack = 0; jack < jackCount; jack++)
            {
                for (int i = first; i < end; i++)
                {
                    SettingsField field = _layout.Field(i);
                    if (SettingsLayout.IsPerJack(field))
                    {
                        if (jack < settings.Jacks.Length)
                        {
                            Set(settings, jack, field, GetSigned(buffer, at, _layout.Bytes(i)));
                        }

                        at += _layout.Bytes(i);
                    }
                }
            }

            return at;
        }

        // ---- the settings, field by field ----------------------------------------------------------

        // EQ band gains (−12 … +12 dB) are stored in one unsigned byte, shifted up by this.
        private const int BandOffset = 12;

        /// <summary>One field of the settings as the record stores it (<paramref name="jack"/> for the per-jack fields).</summary>
        public static int Get(Settings settings, int jack, SettingsField field)
        {
            switch (field)
            {
                case SettingsField.JackLevel: return settings.Jacks[jack].LevelCentiDb;
                case SettingsField.JackRange: return (int)settings.Jacks[jack].Range;
                case SettingsField.JackUserMax: return settings.Jacks[jack].UserMaxCentiDb;
                case SettingsField.BootCap: return settings.BootCapCentiDb;
                case SettingsField.Monitor: return (int)settings.Monitor;
                case SettingsField.Blend: return settings.Blend;
                case SettingsField.KeepAliveEnabled: return settings.KeepAliveEnabled ? 1 : 0;
                case SettingsField.KeepAlivePeriod: return settings.KeepAlivePeriodMs;
                case SettingsField.KeepAlivePulse: return settings.KeepAlivePulseMs;
                case SettingsField.InputGain1: return settings.InputGainCentiDb[0];
                case SettingsField.InputGain2: return settings.InputGainCentiDb[1];
                case SettingsField.ClipGuard1: return settings.ClipGuard[0] ? 1 : 0;
                case SettingsField.ClipGuard2: return settings.ClipGuard[1] ? 1 : 0;
                case SettingsField.InputType1: return (int)settings.InputTypes[0];
                case SettingsField.InputType2: return (int)settings.InputTypes[1];
                case SettingsField.Phantom: return settings.Phantom ? 1 : 0;
                case SettingsField.Pan1: return settings.Pan[0];
                case SettingsField.Pan2: return settings.Pan[1];
                case SettingsField.JackEqPreset: return settings.Jacks[jack].EqPreset;
                case SettingsField.JackLimiter: return settings.Jacks[jack].LimiterCentiDbV;
                case SettingsField.JackEqGraphic1:
                case SettingsField.JackEqGraphic2:
                case SettingsField.JackEqGraphic3:
                case SettingsField.JackEqGraphic4:
                case SettingsField.JackEqGraphic5: return settings.Jacks[jack].EqGraphic[field - SettingsField.JackEqGraphic1] + BandOffset;
                case SettingsField.JackEqBass: return settings.Jacks[jack].EqTone[0] + BandOffset;
                case SettingsField.JackEqTreble: return settings.Jacks[jack].EqTone[1] + BandOffset;
                default: return 0;
            }
        }

        /// <summary>Sets one field of the settings from its stored value (<paramref name="jack"/> for the per-jack fields).</summary>
        public static void Set(Settings settings, int jack, SettingsField field, int value)
        {
            switch (field)
            {
                case SettingsField.JackLevel: settings.Jacks[jack].LevelCentiDb = value; break;
                case SettingsField.JackRange: settings.Jacks[jack].Range = (HeadphoneRange)value; break;
                case SettingsField.JackUserMax: settings.Jacks[jack].UserMaxCentiDb = value; break;
                case SettingsField.BootCap: settings.BootCapCentiDb = value; break;
                case SettingsField.Monitor: settings.Monitor = (MonitorMode)value; break;
                case SettingsField.Blend: settings.Blend = value; break;
                case SettingsField.KeepAliveEnabled: settings.KeepAliveEnabled = value != 0; break;
                case SettingsField.KeepAlivePeriod: settings.KeepAlivePeriodMs = value; break;
                case SettingsField.KeepAlivePulse: settings.KeepAlivePulseMs = value; break;
                case SettingsField.InputGain1: settings.InputGainCentiDb[0] = value; break;
                case SettingsField.InputGain2: settings.InputGainCentiDb[1] = value; break;
                case SettingsField.ClipGuard1: settings.ClipGuard[0] = value != 0; break;
                case SettingsField.ClipGuard2: settings.ClipGuard[1] = value != 0; break;
                case SettingsField.InputType1: settings.InputTypes[0] = (InputType)value; break;
                case SettingsField.InputType2: settings.InputTypes[1] = (InputType)value; break;
                case SettingsField.Phantom: settings.Phantom = value != 0; break;
                case SettingsField.Pan1: settings.Pan[0] = value; break;
                case SettingsField.Pan2: settings.Pan[1] = value; break;
                case SettingsField.JackEqPreset: settings.Jacks[jack].EqPreset = value; break;
                case SettingsField.JackLimiter: settings.Jacks[jack].LimiterCentiDbV = value; break;
                case SettingsField.JackEqGraphic1:
                case SettingsField.JackEqGraphic2:
                case SettingsField.JackEqGraphic3:
                case SettingsField.JackEqGraphic4:
                case SettingsField.JackEqGraphic5: settings.Jacks[jack].EqGraphic[field - SettingsField.JackEqGraphic1] = value - BandOffset; break;
                case SettingsField.JackEqBass: settings.Jacks[jack].EqTone[0] = value - BandOffset; break;
                case SettingsField.JackEqTreble: settings.Jacks[jack].EqTone[1] = value - BandOffset; break;
            }
        }

        // ---- bytes ---------------------------------------------------------------------------------

        private static bool AllErased(byte[] buffer, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                if (buffer[i] != 0xFF)
                {
                    return false;
                }
            }

            return true;
        }

        // Little-endian, straight-line for the sizes the record uses (a loop costs the interpreter
        // more than the stores).
        private static void PutUnsigned(byte[] buffer, int offset, uint value, int bytes)
        {
            buffer[offset] = (byte)value;
            if (bytes == 1)
            {
                return;
            }

            buffer[offset + 1] = (byte)(value >> 8);
            if (bytes == 2)
            {
                return;
            }

            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        private static uint GetUnsigned(byte[] buffer, int offset, int bytes)
        {
            uint value = 0;
            for (int i = 0; i < bytes; i++)
            {
                value |= (uint)buffer[offset + i] << (8 * i);
            }

            return value;
        }

        // 1-byte fields are unsigned (0..255), 2- and 4-byte fields signed; a value that does not
        // fit is stored saturated, so it reads back out of range and the validator catches it.
        private static int PutSigned(byte[] buffer, int offset, int value, int bytes)
        {
            if (bytes == 1)
            {
                value = value < 0 ? 0 : (value > 255 ? 255 : value);
            }
            else if (bytes == 2)
            {
                value = value < -32768 ? -32768 : (value > 32767 ? 32767 : value);
            }

            PutUnsigned(buffer, offset, (uint)value, bytes);
            return offset + bytes;
        }

        private static int GetSigned(byte[] buffer, int offset, int bytes)
        {
            uint raw = GetUnsigned(buffer, offset, bytes);
            if (bytes == 2)
            {
                return (short)raw;
            }

            return (int)raw;
        }
    }
}
