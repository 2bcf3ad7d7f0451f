// The Chinese webfont's 182 faces, as a chunk of its own: imported by cjk-fonts.tsx after the first paint.
import './cjk-font.generated.css';
